package no.forlop.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import no.forlop.access.Users;
import no.forlop.ingest.IntakeService;
import no.forlop.pathway.PathwayService;
import no.forlop.testing.BrowserTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The main pages with the demo hospital loaded, as a coordinator sees them: the screenshots in
 * docs/screenshots/ (linked from the README) come from here, so they show what the run command
 * shows. The application context is the one every integration test shares: the demo hospital (150
 * patients, today 2024-12-31) is loaded into it once, at run time ({@link SharedDemoHospital}), as
 * the run command loads it at start-up. Other tests' pathways share its units; they have no names,
 * so the worklist is shown sorted by patient.
 */
class DemoScreenshotsBrowserIT extends BrowserTest {

  private static DemoData.@Nullable Result loaded;

  @Autowired IntakeService intake;
  @Autowired PathwayService pathways;
  @Autowired Users users;
  @Autowired Clock clock;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  @BeforeEach
  void theDemoHospital() {
    if (loaded == null) {
      loaded = SharedDemoHospital.load(intake, pathways, users, clock).result();
    }
  }

  @Test
  void the_main_pages_with_the_demo_hospital() throws Exception {
    assertThat(loaded).isNotNull().extracting(DemoData.Result::loaded).isEqualTo(true);
    // kari's last visit the morning before, so the worklist shows what changed since (ADR 0035)
    jdbc.sql(
            """
            insert into worklist_visit (username, visited_at) values ('kari', :at)
            on conflict (username) do update set visited_at = excluded.visited_at
            """)
        .param("at", java.time.OffsetDateTime.parse("2024-12-30T07:00:00Z"))
        .update();
    signInAs("kari");

    // sorted by patient: the demo's patients have names, the other tests' pathways (sharing this
    // context and its units) have none and sort last, so the picture shows the demo hospital
    browser.get(url("/worklist?sort=patient"));
    assertThat(Long.parseLong(find(By.id("count-total")).getText())).isGreaterThan(20);
    assertThat(browser.findElements(By.cssSelector("#worklist .flag.proposals"))).isNotEmpty();
    screenshot("worklist");

    // a pathway with a proposal waiting: its timeline, one "why" opened, the lead-time bars
    var proposal =
        find(By.xpath("//table[@id='worklist']//tr[.//span[contains(@class,'proposals')]]"));
    proposal.findElement(By.cssSelector("a.patient")).sendKeys(Keys.ENTER);
    waitFor(ExpectedConditions.urlContains("/pathways/"));
    var pathway = browser.getCurrentUrl();
    var why = browser.findElements(By.cssSelector("details.why summary"));
    assertThat(why).isNotEmpty();
    why.get(0).click();
    screenshot("pathway");

    browser.get(pathway + "/plan");
    assertThat(find(By.tagName("h1")).getText()).isNotBlank();
    screenshot("plan");

    browser.get(url("/mdt"));
    find(By.id("team")).sendKeys("Tykk- og endetarmskreft");
    find(By.cssSelector("input[name=pathways][value=colorectal]")).sendKeys(Keys.SPACE);
    find(By.id("plan-meeting")).sendKeys(Keys.ENTER);
    waitFor(ExpectedConditions.urlMatches("/mdt/[0-9a-f-]{36}$"));
    ((JavascriptExecutor) browser)
        .executeScript("document.getElementById('agenda-heading').scrollIntoView()");
    screenshot("mdt");

    browser.get(url("/catalogue"));
    screenshot("catalogue");
  }

  @Test
  void the_statistics_dashboard_for_a_leader() throws Exception {
    assertThat(loaded).isNotNull().extracting(DemoData.Result::loaded).isEqualTo(true);
    signInAs("lise");
    // a leader lands on the statistics (issue 16)
    assertThat(browser.getCurrentUrl()).endsWith("/dashboard");
    // a laptop's screen (issue 16): the tables fit or scroll in their own box
    var size = browser.manage().window().getSize();
    browser.manage().window().setSize(new org.openqa.selenium.Dimension(1366, 768));
    try {
      browser.get(url("/dashboard?from=2024-01-01&to=2024-12-31"));
      assertThat(Long.parseLong(find(By.id("count-STARTED")).getText())).isGreaterThan(20);
      var js = (JavascriptExecutor) browser;
      assertThat(
              js.executeScript(
                  "return document.documentElement.scrollWidth"
                      + " - document.documentElement.clientWidth"))
          .isEqualTo(0L);
      // the lead times (their headers wrap between words) and the mental-health burden (all
      // seven columns in view)
      js.executeScript("document.getElementById('intervals-heading').scrollIntoView()");
      screenshot("dashboard-tables");
      js.executeScript("document.getElementById('mh-burden-heading').scrollIntoView()");
      screenshot("dashboard-burden");
      waitFor(
          d ->
              ((JavascriptExecutor) d)
                  .executeScript(
                      "return window.forlopCharts && window.forlopCharts['months'] ? 1 : null"));
      js.executeScript("document.getElementById('charts-heading').scrollIntoView()");
      screenshot("dashboard");
    } finally {
      browser.manage().window().setSize(size);
    }
  }
}
