package no.forlop.coordinator.pathwaypage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import no.forlop.coordinator.InventedPatient;
import no.forlop.ingest.IntakeService;
import no.forlop.pathway.PathwayService;
import no.forlop.pathway.PathwayView;
import no.forlop.testing.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A coordinator at work on a patient's pathway in a real browser, with the keyboard: open the
 * patient from an address, confirm a proposal, correct a code with a reason, print the plan; and a
 * user of another unit refused.
 */
class PathwayPageBrowserIT extends BrowserTest {

  @Autowired IntakeService intake;
  @Autowired PathwayService pathways;

  private PathwayView deliver(InventedPatient patient) {
    return patient.deliver(intake, pathways);
  }

  private static String registration(PathwayView view, String code) {
    return view.codes().stream()
        .filter(c -> code.equals(c.code()))
        .findFirst()
        .orElseThrow()
        .registration()
        .toString();
  }

  @Test
  void a_coordinator_opens_a_patient_from_its_address_and_confirms_the_proposed_start() {
    var patient = new InventedPatient("Per", "Lie").pathwayPriorityReferral("2024-12-23");
    var view = deliver(patient);
    var start = registration(view, "A12A");
    signInAs("kari");

    browser.get(url("/pathways/" + view.id()));
    assertThat(find(By.id("patient-name")).getText()).isEqualTo("Per Lie");
    assertThat(find(By.id("patient-id")).getText()).isEqualTo(patient.patient);
    assertThat(find(By.cssSelector("#code-" + start + " .badge-proposed")).getText())
        .isEqualTo("Forslag");

    find(By.id("confirm-" + start)).sendKeys(Keys.ENTER);

    waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("done")));
    assertThat(find(By.id("done")).getText()).isEqualTo("Forslaget er bekreftet.");
    assertThat(find(By.cssSelector("#code-" + start + " .badge-registered")).getText())
        .isEqualTo("Registrert");
    assertThat(find(By.id("pathway-state")).getText())
        .isEqualTo("Startet, venter på første fremmøte");
    assertThat(find(By.id("history")).getText()).contains("Forslag bekreftet", "Kari Nordmann");
  }

  @Test
  void a_coordinator_corrects_a_code_with_a_reason_and_sees_it_in_the_history() throws Exception {
    var view =
        deliver(
            new InventedPatient("Åse", "Bjørnstad")
                .referralReceived("2024-12-02")
                .visit("2024-12-09")
                .biopsy("2024-12-10")
                .diagnosis("C18.7", "2024-12-20"));
    var attendance = registration(view, "A12S");
    signInAs("kari");
    browser.get(url("/pathways/" + view.id()));

    // a coordinator, a note and the why of the decision, for the screenshot
    new org.openqa.selenium.support.ui.Select(find(By.id("coordinator-select")))
        .selectByValue("kari");
    find(By.id("coordinator-submit")).sendKeys(Keys.ENTER);
    waitFor(ExpectedConditions.textToBe(By.id("coordinator-name"), "Kari Nordmann"));
    find(By.id("note-text")).sendKeys("Pasienten ønsker svar på telefon.");
    find(By.id("note-submit")).sendKeys(Keys.ENTER);
    waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("notes"), "telefon"));
    find(By.cssSelector("#code-" + registration(view, "A12CK") + " details.why summary"))
        .sendKeys(Keys.ENTER);
    ((ChromeDriver) browser).executeScript("window.scrollTo(0, 0)");

    // correct the first attendance: the summary opens the form, the reason is typed, Enter sends
    find(By.cssSelector("#code-" + attendance + " details.action-correct summary"))
        .sendKeys(Keys.ENTER);
    var date = find(By.id("correct-date-" + attendance));
    ((ChromeDriver) browser)
        .executeScript("arguments[0].value = '2024-12-10'", date); // the date field's own format
    find(By.id("correct-reason-" + attendance)).sendKeys("Timen 9. desember ble avlyst");
    find(By.cssSelector("#code-" + attendance + " details.action-correct button"))
        .sendKeys(Keys.ENTER);

    waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("done")));
    assertThat(find(By.id("done")).getText()).isEqualTo("Koden er korrigert.");
    assertThat(find(By.cssSelector("#code-" + attendance + " .milestone-date")).getText())
        .isEqualTo("10.12.2024");
    assertThat(find(By.cssSelector("#code-" + attendance + " .badge-corrected")).getText())
        .isEqualTo("Korrigert");
    var newest = find(By.cssSelector("#history tbody tr"));
    assertThat(newest.getText()).contains("Korrigert", "Timen 9. desember ble avlyst", "Kari");
  }

  @Test
  void a_coordinator_prints_the_plan_without_the_navigation() throws Exception {
    var view =
        deliver(
            new InventedPatient("Åsmund", "Sørli")
                .referralReceived("2024-12-27")
                .biopsy("2024-12-30"));
    signInAs("kari");
    browser.get(url("/pathways/" + view.id()));
    new org.openqa.selenium.support.ui.Select(find(By.id("coordinator-select")))
        .selectByValue("kari");
    find(By.id("coordinator-submit")).sendKeys(Keys.ENTER);
    waitFor(ExpectedConditions.textToBe(By.id("coordinator-name"), "Kari Nordmann"));

    find(By.id("plan-link")).sendKeys(Keys.ENTER);

    waitFor(ExpectedConditions.urlContains("/plan"));
    assertThat(find(By.id("plan-title")).getText()).isEqualTo("Din plan");
    assertThat(find(By.id("next")).getText()).contains("Innen 5. januar 2025: første time");
    assertThat(find(By.id("contact-phone")).getText()).isEqualTo("Telefon: +47 55 00 10 11");
    assertThat(find(By.id("plan-print")).isDisplayed()).isTrue();

    var chrome = (ChromeDriver) browser;
    chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
    try {
      assertThat(find(By.id("plan-print")).isDisplayed()).isFalse();
      assertThat(find(By.id("plan-title")).isDisplayed()).isTrue();
    } finally {
      chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
    }
  }

  @Test
  void a_user_cannot_open_a_patient_outside_their_units() {
    var view = deliver(new InventedPatient("Eli", "Moe").referralReceived("2024-12-20"));
    signInAs("nina");

    browser.get(url("/pathways/" + view.id()));

    assertThat(find(By.tagName("h1")).getText()).isEqualTo("Ingen tilgang");
    assertThat(browser.getPageSource()).doesNotContain("Eli Moe");
  }
}
