package no.forlop.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import no.forlop.access.Actor;
import no.forlop.pathway.CreatePathway;
import no.forlop.pathway.PathwayService;
import no.forlop.pathway.RegisterCode;
import no.forlop.testing.BrowserTest;
import no.forlop.testing.TestPatients;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The statistics dashboard in a real browser. The pathways are in 2019, a year no other test uses:
 * three in Fjordby (910000012: OF4 35 days, within; 36 days, breached; one started in September)
 * and one in the other unit (910000020: OF4 50 days, breached). Lise leads both units, Kari works
 * in Fjordby, Nina in the other.
 */
class DashboardBrowserIT extends BrowserTest {

  static final Actor ADMIN = new Actor("admin", "PATIENT_CARE", Set.of("910000012", "910000020"));
  static final String YEAR = "/dashboard?from=2019-01-01&to=2019-12-31";

  private static String within;
  private static String breached;
  private static String september;
  private static String elsewhere;

  @Autowired PathwayService pathways;

  @BeforeEach
  void pathwaysIn2019() {
    if (within != null) {
      return;
    }
    within =
        pathway(
            "910000012",
            "A12A 2019-03-01",
            "A12S 2019-03-05",
            "A12CK 2019-03-15",
            "A12FK 2019-04-05");
    breached =
        pathway(
            "910000012",
            "A12A 2019-03-01",
            "A12S 2019-03-05",
            "A12CK 2019-03-15",
            "A12FK 2019-04-06");
    september = pathway("910000012", "A12A 2019-09-02");
    elsewhere =
        pathway(
            "910000020",
            "A12A 2019-03-01",
            "A12S 2019-03-05",
            "A12CK 2019-03-15",
            "A12FK 2019-04-20");
  }

  private String pathway(String unit, String... codes) {
    var patient = TestPatients.next();
    var id = pathways.create(CreatePathway.of(patient, "colorectal", unit, null), ADMIN).id();
    for (var code : codes) {
      var parts = code.split(" ");
      pathways.register(id, RegisterCode.manual(parts[0], LocalDate.parse(parts[1])), ADMIN);
    }
    return patient;
  }

  private static String masked(String patient) {
    return patient.substring(0, 6) + "*****";
  }

  private String count(String id) {
    return find(By.id(id)).getText();
  }

  private JavascriptExecutor js() {
    return (JavascriptExecutor) browser;
  }

  @Test
  void mental_health_pathways_are_on_the_dashboard_with_their_burden_per_month() {
    // 2020: a year no other test uses; one adult mental-health pathway in Fjordby
    var patient = TestPatients.next();
    var id = pathways.create(CreatePathway.of(patient, "D11", "910000012", null), ADMIN).id();
    for (var code :
        new String[] {"PATHWAY_START 2020-01-10", "FIRST_ATTENDANCE 2020-01-20", "CU 2020-02-15"}) {
      var parts = code.split(" ");
      pathways.register(id, RegisterCode.manual(parts[0], LocalDate.parse(parts[1])), ADMIN);
    }
    signInAs("kari");
    browser.get(url("/dashboard?from=2020-01-01&to=2020-12-31"));
    waitFor(ExpectedConditions.presenceOfElementLocated(By.id("mh-burden")));
    // the assessment interval (26 days) is measured like the cancer indicators
    assertThat(find(By.tagName("main")).getText())
        .contains("Fra første fremmøte til klinisk beslutning (utredning)");
    var rows = browser.findElements(By.cssSelector("#mh-burden tbody tr"));
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).getText()).contains("Fjordby sykehus HF", "2020-01");
    assertThat(rows.get(0).findElements(By.tagName("td")).get(4).getText()).isEqualTo("2");
    assertThat(rows.get(1).getText()).contains("2020-02");
    // codes typed by hand: nothing automatic yet
    assertThat(rows.get(1).findElements(By.tagName("td")).get(1).getText()).isEqualTo("0");
  }

  @Test
  void the_referral_quality_table_is_on_the_dashboard_and_says_when_no_referral_counts() {
    // 2019: pathways typed by hand, none started by a referral from another organisation
    signInAs("lise");
    browser.get(url(YEAR));
    waitFor(ExpectedConditions.presenceOfElementLocated(By.id("referral-quality-heading")));
    assertThat(find(By.id("referral-quality-heading")).getText()).isEqualTo("Henvisningskvalitet");
    assertThat(find(By.id("referral-quality-none")).getText())
        .isEqualTo("Ingen henvisninger fra andre virksomheter startet forløp i perioden.");
    assertThat(find(By.tagName("main")).getText()).contains("vises som «<3»");
  }

  @Test
  void a_leader_lands_on_the_statistics_and_the_others_on_the_worklist() {
    signInAs("lise");
    assertThat(browser.getCurrentUrl()).endsWith("/dashboard");
    assertThat(find(By.tagName("h1")).getText())
        .isEqualTo("Statistikk for standardiserte pasientforløp");
    // the start page too
    browser.get(url("/"));
    assertThat(browser.getCurrentUrl()).endsWith("/dashboard");
    for (var user : List.of("kari", "ola", "admin")) {
      signInAs(user);
      assertThat(browser.getCurrentUrl()).as(user).endsWith("/worklist");
      browser.get(url("/"));
      assertThat(browser.getCurrentUrl()).as(user).endsWith("/worklist");
    }
  }

  @Test
  void the_tables_fit_a_laptop_screen_and_their_headers_wrap_between_words() {
    // 2021: a year no other test uses; two mental-health pathways, so the burden table has rows
    for (var unit : List.of("910000012", "910000020")) {
      var id =
          pathways.create(CreatePathway.of(TestPatients.next(), "D11", unit, null), ADMIN).id();
      pathways.register(
          id, RegisterCode.manual("PATHWAY_START", LocalDate.parse("2021-01-10")), ADMIN);
      pathways.register(
          id, RegisterCode.manual("FIRST_ATTENDANCE", LocalDate.parse("2021-01-20")), ADMIN);
    }
    signInAs("lise");
    var size = browser.manage().window().getSize();
    browser.manage().window().setSize(new org.openqa.selenium.Dimension(1366, 768));
    try {
      browser.get(url("/dashboard?from=2019-01-01&to=2021-12-31"));
      waitFor(ExpectedConditions.presenceOfElementLocated(By.id("mh-burden")));
      assertThat(find(By.id("small-numbers-note")).getText())
          .contains("tall under 3 vises som «<3» (0 vises som 0)")
          .doesNotContain("minus");
      // the page itself never scrolls sideways
      assertThat(
              js().executeScript(
                      "return document.documentElement.scrollWidth - document.documentElement.clientWidth"))
          .isEqualTo(0L);
      // every table ends inside the window, or inside a container that scrolls it
      var cut =
          js().executeScript(
                  "var w = document.documentElement.clientWidth; return Array.from("
                      + "document.querySelectorAll('main table')).filter(t => {"
                      + " var box = t.parentElement; var scrolls = box.classList.contains('table-scroll')"
                      + " && getComputedStyle(box).overflowX === 'auto'"
                      + " && box.getBoundingClientRect().right <= w;"
                      + " return !scrolls && t.getBoundingClientRect().right > w; }).map(t => t.id);");
      assertThat((List<?>) cut).isEmpty();
      // the mental-health burden table has the width of the page: all seven columns in view
      var mhBurden =
          (List<?>)
              js().executeScript(
                      "var t = document.getElementById('mh-burden'); var box = t.parentElement;"
                          + " return [t.getBoundingClientRect().right, box.getBoundingClientRect().right,"
                          + " box.scrollWidth - box.clientWidth];");
      assertThat(((Number) mhBurden.get(0)).doubleValue())
          .isLessThanOrEqualTo(((Number) mhBurden.get(1)).doubleValue() + 0.5);
      assertThat(((Number) mhBurden.get(2)).longValue()).isZero();
      // headers wrap between words, never inside one
      var breaking =
          js().executeScript(
                  "return Array.from(document.querySelectorAll('main th')).filter(h => {"
                      + " var s = getComputedStyle(h); return s.wordBreak !== 'normal'"
                      + " || s.overflowWrap !== 'normal' || s.hyphens === 'auto'; })"
                      + ".map(h => h.textContent.trim());");
      assertThat((List<?>) breaking).isEmpty();
      // and no word of a column header is wider than its cell
      var split =
          js().executeScript(
                  "return Array.from(document.querySelectorAll('main th[scope=col]')).filter(h =>"
                      + " h.scrollWidth > h.clientWidth + 1).map(h => h.textContent.trim());");
      assertThat((List<?>) split).isEmpty();
      assertThat(find(By.cssSelector("#intervals thead")).getText()).contains("Innen norm");
      // and at this width, with whatever scrolls, no serious accessibility violation (ADR 0037)
      no.forlop.testing.Axe.check(browser, "the dashboard at 1366×768");
    } finally {
      browser.manage().window().setSize(size);
    }
  }

  @Test
  void a_leader_sees_both_units_and_the_filters_change_the_numbers() {
    signInAs("lise");
    browser.get(url("/worklist"));
    // the header links to the dashboard
    find(By.cssSelector("header a[href='/dashboard']")).click();
    waitFor(ExpectedConditions.urlContains("/dashboard"));
    assertThat(find(By.tagName("h1")).getText())
        .isEqualTo("Statistikk for standardiserte pasientforløp");
    assertThat(find(By.id("small-numbers-note")).getText()).contains("<3");

    browser.get(url(YEAR));
    assertThat(count("count-STARTED")).isEqualTo("4");
    assertThat(count("count-TREATED")).isEqualTo("3");
    assertThat(count("i-OF4-ALL-MEASURED")).isEqualTo("3");
    assertThat(count("i-OF4-ALL-BREACHED")).isEqualTo("2");
    // the charts are drawn, each with its numbers as a table
    waitFor(
        d ->
            js().executeScript(
                        "return window.forlopCharts && Object.keys(window.forlopCharts).length")
                != null);
    assertThat(browser.findElements(By.cssSelector("#chart-months canvas"))).isNotEmpty();
    assertThat(find(By.id("chart-months")).getAttribute("aria-label"))
        .contains("Andel innen standard forløpstid");
    // nothing wider than the window of a hospital PC (1400 px): no sideways scrolling
    var overflow =
        js().executeScript(
                "var w = document.documentElement.clientWidth; return Array.from("
                    + "document.querySelectorAll('main *')).filter(e => e.getBoundingClientRect().right"
                    + " > w + 1).map(e => e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().width) + '/' + w).slice(0, 5);");
    assertThat((List<?>) overflow).isEmpty();
    var byUnit = find(By.id("table-by-unit")).getAttribute("textContent");
    assertThat(byUnit).contains("Fjordby sykehus HF");

    // the first half year: September's start is outside
    js().executeScript("document.getElementById('filter-to').value = '2019-06-30'");
    find(By.id("apply-filters")).click();
    waitFor(ExpectedConditions.urlContains("to=2019-06-30"));
    assertThat(count("count-STARTED")).isEqualTo("3");

    // one unit
    new Select(find(By.id("filter-unit"))).selectByValue("910000012");
    find(By.id("apply-filters")).sendKeys(Keys.ENTER);
    waitFor(ExpectedConditions.urlContains("unit=910000012"));
    assertThat(count("count-STARTED")).isEqualTo("2");
    assertThat(count("i-OF4-ALL-BREACHED")).isEqualTo("1");
  }

  @Test
  void a_number_opens_the_list_of_the_pathways_behind_it() {
    signInAs("lise");
    browser.get(url(YEAR));
    find(By.id("i-OF4-ALL-BREACHED")).click();
    waitFor(ExpectedConditions.urlContains("/dashboard/pathways"));
    assertThat(find(By.id("total")).getText()).isEqualTo("2 forløp");
    var rows = browser.findElements(By.cssSelector("#drilldown tbody tr"));
    assertThat(rows).hasSize(2);
    var text = find(By.id("drilldown")).getText();
    assertThat(text).contains(masked(breached)).contains(masked(elsewhere));
    assertThat(text).doesNotContain(masked(within)).doesNotContain(breached);
    assertThat(text).contains("Brudd").contains("36").contains("50");

    // each row opens the pathway
    find(By.xpath("//table[@id='drilldown']//tr[contains(., '" + masked(breached) + "')]//a"))
        .sendKeys(Keys.ENTER);
    waitFor(ExpectedConditions.urlContains("/pathways/"));
    assertThat(find(By.tagName("body")).getText()).contains(breached);

    // back to the dashboard with the same filters
    browser.navigate().back();
    find(By.id("back")).click();
    waitFor(ExpectedConditions.urlContains("from=2019-01-01"));
    assertThat(count("count-STARTED")).isEqualTo("4");
  }

  @Test
  void a_user_of_one_unit_sees_only_that_units_pathways() {
    signInAs("nina");
    browser.get(url(YEAR));
    assertThat(count("count-STARTED")).isEqualTo("1");
    var units =
        new Select(find(By.id("filter-unit")))
            .getOptions().stream().map(o -> o.getAttribute("value")).toList();
    assertThat(units).containsExactly("", "910000020");
    find(By.id("count-STARTED")).click();
    waitFor(ExpectedConditions.urlContains("figure=STARTED"));
    var text = find(By.id("drilldown")).getText();
    assertThat(text).contains(masked(elsewhere)).doesNotContain(masked(within));

    // asking for the other unit in the URL gives nothing
    browser.get(url(YEAR + "&unit=910000012"));
    assertThat(count("count-STARTED")).isEqualTo("0");
    browser.get(
        url("/dashboard/pathways?from=2019-01-01&to=2019-12-31&unit=910000012&figure=STARTED"));
    assertThat(browser.findElements(By.cssSelector("#drilldown tbody tr"))).isEmpty();
    assertThat(find(By.id("total")).getText()).isEqualTo("0 forløp");

    signInAs("kari");
    browser.get(url(YEAR));
    assertThat(count("count-STARTED")).isEqualTo("3");
  }

  @Test
  void the_exports_suppress_small_numbers_and_carry_the_filters() {
    signInAs("nina");
    browser.get(url(YEAR));
    assertThat(count("count-STARTED")).isEqualTo("1");
    var href = find(By.id("export-csv-activity")).getAttribute("href");
    @SuppressWarnings("unchecked")
    var result =
        (List<Object>)
            js().executeAsyncScript(
                    "var done = arguments[arguments.length - 1]; fetch(arguments[0])"
                        + ".then(r => r.arrayBuffer()).then(b => {"
                        + " var bytes = new Uint8Array(b);"
                        + " var text = new TextDecoder('utf-8', {ignoreBOM: true}).decode(b);"
                        + " done([bytes[0] === 0xEF && bytes[1] === 0xBB && bytes[2] === 0xBF,"
                        + " text.includes('\\r\\n'), text]); });",
                    href);
    assertThat(result.get(0)).isEqualTo(true);
    assertThat(result.get(1)).isEqualTo(true);
    var lines = List.of(((String) result.get(2)).replace("\uFEFF", "").split("\r\n"));
    assertThat(lines).contains("Periode;2019-01-01 – 2019-12-31", "Startet;<3");

    var xlsx = find(By.id("export-xlsx")).getAttribute("href");
    var type =
        js().executeAsyncScript(
                "var done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => done(r.status + ' '"
                    + " + r.headers.get('content-type') + ' ' + r.headers.get('content-disposition')));",
                xlsx);
    assertThat((String) type)
        .startsWith("200 application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .contains("forlop-statistikk.xlsx");
  }

  @Test
  void the_charts_can_be_saved_as_svg() {
    signInAs("lise");
    browser.get(url(YEAR));
    waitFor(
        d ->
            js().executeScript(
                        "return window.forlopCharts && window.forlopCharts['months'] ? 1 : null")
                != null);
    // intercept the download: the SVG the button produces
    // and the blobs behind it (the page's CSP allows no fetch of a blob: address, so the test
    // reads the Blob object itself)
    js().executeScript(
            "window.saved = []; HTMLAnchorElement.prototype.click = function () {"
                + " window.saved.push([this.download, this.href]); };"
                + " window.blobs = {}; var made = URL.createObjectURL;"
                + " URL.createObjectURL = function (b) { var u = made.call(URL, b);"
                + " window.blobs[u] = b; return u; };");
    find(By.cssSelector(".save-svg[data-chart='by-unit']")).click();
    find(By.cssSelector(".save-png[data-chart='months']")).click();
    @SuppressWarnings("unchecked")
    var saved = (List<List<String>>) js().executeScript("return window.saved");
    assertThat(saved).hasSize(2);
    assertThat(saved.get(0).get(0)).isEqualTo("by-unit.svg");
    var svg =
        (String)
            js().executeAsyncScript(
                    "var done = arguments[arguments.length - 1];"
                        + " window.blobs[arguments[0]].text().then(done);",
                    saved.get(0).get(1));
    assertThat(svg).startsWith("<svg").contains("Fjordby sykehus HF");
    assertThat(saved.get(1).get(0)).isEqualTo("months.png");
    assertThat(saved.get(1).get(1)).startsWith("data:image/png;base64,");
  }

  @Test
  void the_charts_write_decimals_as_the_page_language_does() {
    signInAs("lise");
    // March: one of three OF4 intervals within the norm, a share of 33.3 %
    browser.get(url(YEAR));
    assertThat(monthsChartSvg()).contains("33,3").doesNotContain("33.3");
    assertThat(js().executeScript("return window.forlopNumber(1234.56)")).isEqualTo("1234,6");
    assertThat(js().executeScript("return window.forlopNumber(50)")).isEqualTo("50");
    assertThat(js().executeScript("return window.forlopNumber(null)")).isEqualTo("");

    browser.get(url(YEAR + "&lang=en"));
    assertThat(monthsChartSvg()).contains("33.3").doesNotContain("33,3");
    assertThat(js().executeScript("return window.forlopNumber(1234.56)")).isEqualTo("1234.6");
    browser.get(url(YEAR + "&lang=nb"));
  }

  /** The months chart drawn again by ECharts' SVG renderer: its labels as text. */
  private String monthsChartSvg() {
    waitFor(
        d ->
            js().executeScript(
                        "return window.forlopCharts && window.forlopCharts['months'] ? 1 : null")
                != null);
    return (String)
        js().executeScript(
                "var div = document.createElement('div'); document.body.appendChild(div);"
                    + " var svg = echarts.init(div, null, {renderer: 'svg', width: 800,"
                    + " height: 400}); svg.setOption(window.forlopCharts['months'].getOption());"
                    + " var text = svg.renderToSVGString(); svg.dispose(); div.remove();"
                    + " return text;");
  }

  @Test
  void the_dashboard_is_in_english_on_request() {
    signInAs("lise");
    browser.get(url(YEAR + "&lang=en"));
    assertThat(find(By.tagName("h1")).getText())
        .isEqualTo("Statistics for standardised patient pathways");
    assertThat(find(By.id("activity")).getText()).contains("Started");
    browser.get(url(YEAR + "&lang=nb"));
  }
}
