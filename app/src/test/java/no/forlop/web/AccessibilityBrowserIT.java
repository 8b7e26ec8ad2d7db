package no.forlop.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.forlop.access.Actor;
import no.forlop.coordinator.InventedPatient;
import no.forlop.ingest.IntakeService;
import no.forlop.pathway.CreatePathway;
import no.forlop.pathway.PathwayService;
import no.forlop.pathway.PathwayView;
import no.forlop.pathway.RegisterCode;
import no.forlop.testing.Axe;
import no.forlop.testing.BrowserTest;
import no.forlop.testing.NorwegianText;
import no.forlop.testing.TestPatients;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Accessibility in a real browser (issue 16, ADR 0037): axe-core on every page a person reaches, as
 * each role, with every {@code <details>} opened so the forms inside are checked too; zero serious
 * or critical violations of WCAG 2.1 A/AA. And the coordinator's main flow with the keyboard alone:
 * from the worklist to the pathway to a confirmed proposal with TAB and ENTER, the focus visible at
 * every stop. Every page in Norwegian is also read as Chromium rendered it for English machine
 * text, message keys, ISO dates and internal ids ({@link NorwegianText}, issue 16 item 3). Today is
 * 2024-12-31.
 */
class AccessibilityBrowserIT extends BrowserTest {

  static final Actor ADMIN = new Actor("admin", "PATIENT_CARE", Set.of("910000012", "910000020"));

  @Autowired IntakeService intake;
  @Autowired PathwayService pathways;

  /** Each page checked, with what axe found that fails it (empty: none). */
  private final Map<String, List<Axe.Violation>> found = new LinkedHashMap<>();

  private final List<String> minor = new ArrayList<>();

  /** Each page in Norwegian, with what it shows that is not Norwegian (issue 16, item 3). */
  private final Map<String, List<String>> notNorwegian = new LinkedHashMap<>();

  private static NorwegianText norwegian;

  private PathwayView proposal;
  private PathwayView coded;
  private String mentalHealth;
  private String nordvik;

  @BeforeEach
  void pathways() {
    // a proposed start waiting for confirmation
    proposal =
        new InventedPatient("Per", "Universell")
            .pathwayPriorityReferral("2024-12-23")
            .deliver(intake, pathways);
    // a pathway with a first attendance, a biopsy and a diagnosis: timeline, rules, lead times
    coded =
        new InventedPatient("Åse", "Tilgjengelig")
            .referralReceived("2024-12-02")
            .visit("2024-12-09")
            .biopsy("2024-12-10")
            .diagnosis("C18.7", "2024-12-20")
            .deliver(intake, pathways);
    var mh =
        pathways.create(CreatePathway.of(TestPatients.next(), "D11", "910000012", null), ADMIN);
    pathways.register(
        mh.id(), RegisterCode.manual("PATHWAY_START", LocalDate.parse("2024-12-02")), ADMIN);
    mentalHealth = mh.id().value().toString();
    var other =
        pathways.create(
            CreatePathway.of(TestPatients.next(), "colorectal", "910000020", null), ADMIN);
    pathways.register(
        other.id(), RegisterCode.manual("A12A", LocalDate.parse("2024-12-27")), ADMIN);
    nordvik = other.id().value().toString();
  }

  private static NorwegianText norwegianText() {
    if (norwegian == null) {
      try {
        norwegian = NorwegianText.load();
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    return norwegian;
  }

  private JavascriptExecutor js() {
    return (JavascriptExecutor) browser;
  }

  /** Opens a page, waits for its main content, opens every details element, and runs axe. */
  private void check(String who, String path) {
    browser.get(url(path));
    checkOpenPage(who + " " + path);
  }

  private void checkOpenPage(String page) {
    waitFor(ExpectedConditions.presenceOfElementLocated(By.tagName("main")));
    js().executeScript("document.querySelectorAll('details').forEach(d => d.open = true)");
    var all = Axe.violations(browser);
    found.put(page, all.stream().filter(Axe.Violation::blocking).toList());
    var lang = browser.findElement(By.tagName("html")).getAttribute("lang");
    if (lang != null && lang.startsWith("nb")) {
      // the page as the browser rendered it, htmx fragments and opened details included
      notNorwegian.put(page, norwegianText().problemsOfPage(browser.getPageSource()));
    }
    all.stream()
        .filter(v -> !v.blocking())
        .forEach(v -> minor.add(page + ": " + v.impact() + " " + v.rule() + " " + v.target()));
  }

  private void assertNoBlockingViolations() {
    minor.forEach(m -> System.out.println("axe (not failing): " + m));
    var failing = new StringBuilder();
    found.forEach(
        (page, violations) -> {
          if (!violations.isEmpty()) {
            failing.append("\n").append(page).append(":");
            violations.forEach(v -> failing.append("\n  ").append(v));
          }
        });
    assertThat(found).as("pages checked").isNotEmpty();
    assertThat(failing.toString()).as("serious or critical axe violations, page by page").isEmpty();
    notNorwegian.values().removeIf(List::isEmpty);
    assertThat(notNorwegian)
        .as("English, message keys, ISO dates or internal ids on pages in Norwegian")
        .isEmpty();
  }

  @Test
  void the_pages_a_coordinator_reaches_have_no_serious_accessibility_violations() {
    signInAs("kari");
    check("kari", "/worklist");
    check("kari", "/worklist?status=RED&sort=due");
    check("kari", "/pathways/" + proposal.id());
    check("kari", "/pathways/" + coded.id());
    check("kari", "/pathways/" + coded.id() + "/plan");
    check("kari", "/pathways/" + mentalHealth);
    check("kari", "/pathways/" + mentalHealth + "/municipality");
    check("kari", "/dashboard");
    check("kari", "/dashboard?from=2024-01-01&to=2024-12-31&indicator=OF4");
    check("kari", "/dashboard/pathways?from=2024-01-01&to=2024-12-31&figure=STARTED");
    check("kari", "/catalogue");
    check("kari", "/mdt");
    // plan a meeting: the meeting page with its agenda
    find(By.id("team")).sendKeys("Universell utforming");
    find(By.cssSelector("input[name=pathways][value=colorectal]")).sendKeys(Keys.SPACE);
    find(By.id("plan-meeting")).sendKeys(Keys.ENTER);
    waitFor(ExpectedConditions.urlMatches("/mdt/[0-9a-f-]{36}$"));
    checkOpenPage("kari the MDT meeting");
    check("kari", "/mdt/00000000-0000-0000-0000-000000000000");
    // errors: no such page, another unit's pathway, the emergency-access form
    check("kari", "/no/such/page");
    check("kari", "/pathways/" + nordvik);
    check("kari", "/pathways/" + nordvik + "/emergency-access");
    // a form sent without its token: the expired-session page with the text typed
    browser.get(url("/pathways/" + coded.id()));
    find(By.id("note-text")).sendKeys("Ring fastlegen");
    js().executeScript(
            "document.querySelectorAll('.note-form input[name=_csrf]').forEach(e => e.remove());");
    find(By.id("note-submit")).click();
    waitFor(ExpectedConditions.presenceOfElementLocated(By.id("error-title")));
    checkOpenPage("kari the expired session");
    // a purpose no page may declare
    var chrome = (ChromeDriver) browser;
    chrome.executeCdpCommand("Network.enable", Map.of());
    chrome.executeCdpCommand(
        "Network.setExtraHTTPHeaders", Map.of("headers", Map.of("X-Forlop-Purpose", "NONSENSE")));
    try {
      check("kari", "/worklist");
      assertThat(browser.findElements(By.id("purpose-error"))).hasSize(1);
    } finally {
      chrome.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of()));
    }
    // a parameter over the backstop's limit
    check("kari", "/worklist?pathway=" + "x".repeat(no.forlop.web.TextLimits.ANY_PARAMETER + 1));
    assertThat(browser.findElements(By.id("too-long"))).hasSize(1);
    // the pages in English too
    check("kari", "/worklist?lang=en");
    check("kari", "/pathways/" + proposal.id() + "?lang=en");
    check("kari", "/dashboard?lang=en");
    browser.get(url("/worklist?lang=nb"));
    assertNoBlockingViolations();
  }

  @Test
  void the_pages_of_the_other_roles_have_no_serious_accessibility_violations() {
    browser.manage().deleteAllCookies();
    check("anonymous", "/login");
    check("anonymous", "/login?error");
    check("anonymous", "/catalogue");

    signInAs("ola");
    check("ola", "/worklist");
    check("ola", "/pathways/" + proposal.id());

    // a coordinator of Nordvik reads a Fjordby pathway under emergency access
    signInAs("nina");
    browser.get(url("/pathways/" + proposal.id() + "/emergency-access"));
    new Select(find(By.id("emergency-kind"))).selectByValue("ACUTE_CARE");
    find(By.id("emergency-reason")).sendKeys("Innlagt akutt på vår post i natt");
    find(By.id("emergency-submit")).click();
    waitFor(ExpectedConditions.presenceOfElementLocated(By.id("emergency-banner")));
    checkOpenPage("nina a pathway under emergency access");
    check("nina", "/pathways/" + proposal.id() + "/plan");

    signInAs("lise");
    checkOpenPage("lise the start page");
    check("lise", "/emergency-access");
    check("lise", "/pathways/" + coded.id());
    check("lise", "/mdt");

    // the GP's own page (issue 17)
    signInAs("gp");
    check("gp", "/fastlege");

    signInAs("admin");
    check("admin", "/worklist");
    check("admin", "/catalogue");
    check("admin", "/emergency-access");
    assertNoBlockingViolations();
  }

  @Test
  void axe_finds_a_control_without_a_label_an_image_without_text_and_faint_text() {
    browser.manage().deleteAllCookies();
    browser.get(url("/login"));
    assertThat(Axe.check(browser, "the sign-in page").stream().filter(Axe.Violation::blocking))
        .isEmpty();
    // the same page with three faults a person would meet
    js().executeScript(
            "var main = document.querySelector('main');"
                + " var input = document.createElement('input'); input.id = 'unlabelled';"
                + " main.appendChild(input);"
                + " var img = document.createElement('img'); img.id = 'no-alt';"
                + " img.src = '/favicon.ico'; main.appendChild(img);"
                + " var p = document.createElement('p'); p.id = 'faint'; p.textContent = 'Nesten usynlig';"
                + " p.style.color = '#dddddd'; p.style.background = '#ffffff'; main.appendChild(p);");
    var rules = Axe.violations(browser).stream().map(v -> v.rule() + " " + v.impact()).toList();
    assertThat(rules).contains("label critical", "image-alt critical", "color-contrast serious");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Axe.check(browser, "the broken page"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("on the broken page")
        .hasMessageContaining("critical label at [#unlabelled]")
        .hasMessageContaining("serious color-contrast at [#faint]");
  }

  /**
   * What the element with the focus is, and whether the focus shows (an outline of 2px or more).
   */
  private String focused() {
    return (String)
        js().executeScript(
                "var e = document.activeElement; return e.tagName + '#' + e.id + '.' + e.className"
                    + " + ' ' + (e.getAttribute('href') || e.getAttribute('name') || '');");
  }

  private boolean focusVisible() {
    return (Boolean)
        js().executeScript(
                "var e = document.activeElement; if (!e || e === document.body) return false;"
                    + " var s = getComputedStyle(e);"
                    + " return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;");
  }

  private WebElement active() {
    return browser.switchTo().activeElement();
  }

  /**
   * Presses TAB until the focused element matches (none if it already does), checking at each stop
   * that the focus shows.
   */
  private void tabTo(String what, java.util.function.Predicate<WebElement> target) {
    for (int i = 0; i < 80; i++) {
      if (target.test(active())) {
        return;
      }
      new Actions(browser).sendKeys(Keys.TAB).perform();
      assertThat(focusVisible()).as("the focus shows on " + focused()).isTrue();
    }
    throw new AssertionError("TAB never reached " + what + "; last: " + focused());
  }

  @Test
  void a_coordinator_confirms_a_proposal_from_the_worklist_with_the_keyboard_alone() {
    var patient = new InventedPatient("Tastatur", "Bruker").pathwayPriorityReferral("2024-12-24");
    var view = patient.deliver(intake, pathways);
    var start =
        view.codes().stream()
            .filter(c -> "A12A".equals(c.code()))
            .findFirst()
            .orElseThrow()
            .registration()
            .toString();
    signInAs("kari");
    browser.get(url("/worklist"));

    // the first TAB reaches the skip link, which shows
    tabTo("the skip link", e -> "skip-link".equals(e.getAttribute("class")));
    assertThat(active().getText()).isEqualTo("Hopp til innholdet");
    assertThat(active().getRect().getX()).isGreaterThanOrEqualTo(0);
    // ENTER skips the navigation: the next TAB is inside the main content (WCAG 2.4.1)
    new Actions(browser).sendKeys(Keys.ENTER).perform();
    new Actions(browser).sendKeys(Keys.TAB).perform();
    assertThat(
            (Boolean) js().executeScript("return document.activeElement.closest('main') !== null"))
        .as("after the skip link, TAB reaches " + focused())
        .isTrue();
    assertThat(focusVisible()).as("the focus shows on " + focused()).isTrue();

    // to the search field, the patient's number, ENTER
    tabTo("the search field", e -> "q".equals(e.getAttribute("name")));
    new Actions(browser).sendKeys(patient.patient, Keys.ENTER).perform();
    waitFor(d -> d.getCurrentUrl().contains("search="));
    assertThat(browser.findElements(By.cssSelector("#worklist tbody tr"))).hasSize(1);

    // to the patient's link in the one row, ENTER opens the pathway
    tabTo(
        "the patient's link",
        e -> e.getAttribute("class") != null && e.getAttribute("class").contains("patient"));
    new Actions(browser).sendKeys(Keys.ENTER).perform();
    waitFor(ExpectedConditions.urlContains("/pathways/" + view.id()));
    assertThat(find(By.id("patient-name")).getText()).isEqualTo("Tastatur Bruker");

    // to the proposal's confirm button, ENTER confirms
    tabTo("the confirm button", e -> ("confirm-" + start).equals(e.getAttribute("id")));
    new Actions(browser).sendKeys(Keys.ENTER).perform();
    waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("done")));
    assertThat(find(By.id("done")).getText()).isEqualTo("Forslaget er bekreftet.");
    assertThat(find(By.cssSelector("#code-" + start + " .badge-registered")).getText())
        .isEqualTo("Registrert");
  }
}
