package no.forlop.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import no.forlop.mdt.MdtService;
import no.forlop.mdt.MdtService.PlanMeeting;
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
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every page in a real browser under the Content-Security-Policy (issue 14, part D): Chromium
 * reports no violation on any of them, charts included, and no link or GET form on them carries a
 * fødselsnummer. Today is 2024-12-31.
 */
class HardenedPagesBrowserIT extends BrowserTest {

  static final Actor ADMIN = new Actor("admin", "PATIENT_CARE", Set.of("910000012", "910000020"));

  /** Eleven digits standing alone: a fødselsnummer (a UUID's digits are part of a longer word). */
  static final Pattern IDENTITY_NUMBER = Pattern.compile("(?<![\\w-])\\d{11}(?![\\w-])");

  @Autowired PathwayService pathways;
  @Autowired MdtService mdt;

  private String patient;
  private UUID pathway;
  private UUID meeting;

  @BeforeEach
  void aPatientInWorkUpAndAMeeting() {
    patient = TestPatients.next();
    var id =
        pathways.create(CreatePathway.of(patient, "colorectal", "910000012", null), ADMIN).id();
    pathway = id.value();
    pathways.register(id, RegisterCode.manual("A12A", LocalDate.parse("2024-12-02")), ADMIN);
    pathways.register(id, RegisterCode.manual("A12S", LocalDate.parse("2024-12-10")), ADMIN);
    meeting =
        mdt.plan(
                new PlanMeeting(
                    LocalDate.parse("2024-12-30"),
                    "Tykk- og endetarm " + UUID.randomUUID().toString().substring(0, 4),
                    "910000012",
                    List.of("colorectal")),
                ADMIN)
            .id();
  }

  @Test
  void every_page_keeps_to_the_content_security_policy_and_no_address_names_a_patient() {
    var visited = new ArrayList<String>();
    browser.manage().deleteAllCookies();
    visit("/login", visited);

    signInAs("kari");
    visit("/worklist", visited);
    // the search goes by the form: the address has a handle, never the number
    find(By.name("q")).sendKeys(patient, Keys.ENTER);
    waitFor(ExpectedConditions.urlContains("search="));
    assertThat(browser.getCurrentUrl()).doesNotContain(patient);
    assertThat(browser.findElements(By.cssSelector("#worklist tbody tr"))).hasSize(1);
    checkPage(visited);

    visit("/pathways/" + pathway, visited);
    // the lead-time bars are sized by forlop.js, not by a style attribute
    var used = find(By.cssSelector(".lead-time .bar-used"));
    assertThat(used.getAttribute("style")).contains("width");
    assertThat(used.getSize().getWidth()).isPositive();
    visit("/pathways/" + pathway + "/plan", visited);
    visit("/pathways/" + pathway + "/municipality", visited);
    visit("/mdt", visited);
    visit("/mdt/" + meeting, visited);
    visit("/catalogue", visited);
    visit("/pathways/" + UUID.randomUUID(), visited); // the error page
    visit("/no/such/page", visited); // the error pages (issue 16)
    visit("/mdt/not-a-meeting", visited);

    signInAs("lise");
    visit("/dashboard?from=2024-01-01&to=2024-12-31", visited);
    waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart-months canvas")));
    checkPage(visited);
    var drilldown =
        browser.findElements(By.cssSelector("a[href*='/dashboard/pathways']")).stream()
            .map(a -> a.getAttribute("href"))
            .findFirst();
    drilldown.ifPresent(href -> visit(href.replaceFirst("^https?://[^/]+", ""), visited));

    signInAs("kari");
    visit("/swagger-ui.html", visited);
    waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".swagger-ui .info")));
    checkPage(visited);
    // open an operation: Swagger UI draws more, still within the policy
    waitFor(ExpectedConditions.elementToBeClickable(By.cssSelector(".opblock-summary"))).click();
    waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".opblock-body")));
    checkPage(visited);

    assertThat(visited).contains("/pathways/" + pathway, "/mdt/" + meeting);
  }

  @Test
  void an_inline_style_or_script_is_refused_and_reported() {
    // the other side: the same check sees what the browser refuses
    signInAs("kari");
    browser.get(url("/worklist"));
    contentSecurityPolicyViolations();
    ((JavascriptExecutor) browser)
        .executeScript(
            "var s = document.createElement('script'); s.textContent = 'window.ran = 1';"
                + " document.body.appendChild(s);"
                + " var d = document.createElement('div'); d.setAttribute('style', 'color: red');"
                + " document.body.appendChild(d);");
    assertThat(((JavascriptExecutor) browser).executeScript("return window.ran")).isNull();
    assertThat(contentSecurityPolicyViolations()).isNotEmpty();
  }

  private void visit(String path, List<String> visited) {
    browser.get(url(path));
    checkPage(visited);
  }

  /** No CSP violation so far, and no link or GET form of the page with a fødselsnummer. */
  private void checkPage(List<String> visited) {
    var page = browser.getCurrentUrl().replaceFirst("^https?://[^/]+", "");
    visited.add(page);
    assertThat(contentSecurityPolicyViolations()).as("CSP violations on " + page).isEmpty();
    assertThat(IDENTITY_NUMBER.matcher(page).find()).as("the address " + page).isFalse();
    @SuppressWarnings("unchecked")
    var addresses =
        (List<String>)
            ((JavascriptExecutor) browser)
                .executeScript(
                    "var out = [];"
                        + " document.querySelectorAll('a[href]').forEach(a =>"
                        + " out.push(a.getAttribute('href')));"
                        + " document.querySelectorAll('form').forEach(f => {"
                        + "  if ((f.getAttribute('method') || 'get').toLowerCase() === 'get') {"
                        + "   out.push(f.getAttribute('action') || '');"
                        + "   f.querySelectorAll('input, select, textarea').forEach(i =>"
                        + "    out.push(i.name + '=' + (i.value || '')));"
                        + "  } });"
                        + " return out;");
    assertThat(addresses)
        .as("links and GET forms on " + page)
        .noneMatch(a -> IDENTITY_NUMBER.matcher(a).find());
  }
}
