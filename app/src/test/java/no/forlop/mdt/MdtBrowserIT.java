package no.forlop.mdt;

import static no.forlop.mdt.TestPathways.FJORDBY;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import no.forlop.ingest.IntakeService;
import no.forlop.pathway.PathwayService;
import no.forlop.testing.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/** Planning an MDT meeting and recording a decision in a real browser, with the keyboard. */
class MdtBrowserIT extends BrowserTest {

  @Autowired PathwayService pathways;
  @Autowired IntakeService intake;

  @Test
  void a_coordinator_plans_an_mdt_meeting_and_records_a_decision() throws Exception {
    var make = new TestPathways(pathways, intake);
    var patient = make.inWorkup("Astrid Prøvesen", "colorectal", FJORDBY, "2024-12-19");
    make.inWorkup("Per Eksempelsen", "colorectal", FJORDBY, "2024-12-04");
    make.inWorkup("Ingrid Oppdiktet", "metastases", FJORDBY, "2024-12-23");
    var team = "Tykk- og endetarmskreft " + UUID.randomUUID().toString().substring(0, 4);

    signInAs("kari");
    browser.get(url("/mdt"));
    find(By.id("team")).sendKeys(team);
    find(By.cssSelector("input[name=pathways][value=colorectal]")).sendKeys(Keys.SPACE);
    find(By.cssSelector("input[name=pathways][value=metastases]")).sendKeys(Keys.SPACE);
    find(By.id("plan-meeting")).sendKeys(Keys.ENTER);

    waitFor(ExpectedConditions.urlMatches("/mdt/[0-9a-f-]{36}$"));
    assertThat(find(By.id("meeting-title")).getText()).contains(team);
    assertThat(find(By.id("notice")).getText()).contains("er planlagt");
    var row = find(By.id("row-" + patient.id()));
    assertThat(row.getText()).contains("Astrid Prøvesen", "A12", "19.12.2024", "I utredning");

    var item = find(By.id("item-" + patient.id()));
    new Select(item.findElement(By.cssSelector("select.outcome"))).selectByValue("CK");
    new Select(item.findElement(By.cssSelector("select.intention"))).selectByValue("CURATIVE");
    item.findElement(By.cssSelector("input.discussed-yes")).sendKeys(Keys.SPACE);
    item.findElement(By.cssSelector("button.record-decision")).sendKeys(Keys.ENTER);

    waitFor(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("item-" + patient.id()), "A12CK er registrert med dato 31.12.2024"));
    var decided = find(By.id("item-" + patient.id()));
    assertThat(decided.getText())
        .contains("påvist kreft i dette organet", "Kurativ", "registrert", "Kari Nordmann");
    assertThat(find(By.id("row-" + patient.id())).getText()).contains("A12CK", "registrert");

    ((JavascriptExecutor) browser)
        .executeScript("document.getElementById('agenda-heading').scrollIntoView()");
  }
}
