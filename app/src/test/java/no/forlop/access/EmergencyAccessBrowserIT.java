package no.forlop.access;

import static org.assertj.core.api.Assertions.assertThat;

import no.forlop.testing.BrowserTest;
import no.forlop.testing.TestPatients;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Emergency access (nødtilgang) in a real browser: a coordinator of Nordvik is refused a Fjordby
 * pathway, asks for emergency access with a reason, reads the pathway under a banner; the leader
 * reviews it. Today is 2024-12-31 10:00 UTC (11:00 in Oslo); the access expires at 15:00 Oslo time.
 */
class EmergencyAccessBrowserIT extends BrowserTest {

  private String openAtFjordby() {
    var response =
        post(
            "/api/v1/pathways",
            """
            {"patient": "%s", "pathway": "colorectal", "organisation": "910000012"}
            """
                .formatted(TestPatients.next()));
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return response.json().get("id").asString();
  }

  @Test
  void a_coordinator_of_another_unit_asks_for_emergency_access_and_reads_under_a_banner()
      throws Exception {
    var id = openAtFjordby();
    signInAs("nina");
    browser.get(url("/pathways/" + id));
    assertThat(find(By.id("error-text")).getText()).contains("enhet du ikke jobber i");
    assertThat(browser.findElements(By.id("emergency-banner"))).isEmpty();
    find(By.id("emergency-link")).click();

    waitFor(ExpectedConditions.urlContains("/emergency-access"));
    assertThat(browser.getPageSource()).doesNotContain("Kolorektal");
    new Select(find(By.id("emergency-kind"))).selectByValue("ACUTE_CARE");
    find(By.id("emergency-reason")).sendKeys("Innlagt akutt på vår post i natt");
    screenshot("emergency-access-form");
    find(By.id("emergency-submit")).click();

    waitFor(ExpectedConditions.urlMatches("/pathways/" + id + "$"));
    var banner = find(By.id("emergency-banner")).getText();
    assertThat(banner)
        .isEqualTo(
            "Nødtilgang – begrunnelse: Innlagt akutt på vår post i natt – utløper kl. 15:00 den"
                + " 31.12.2024");
    assertThat(find(By.id("read-only")).isDisplayed()).isTrue();
    assertThat(browser.findElements(By.id("register"))).isEmpty();
    screenshot("emergency-access-banner");

    browser.get(url("/pathways/" + id + "/plan"));
    assertThat(find(By.id("emergency-banner")).getText()).startsWith("Nødtilgang – begrunnelse");
    // the municipality page reads too, without the contact form a change would be refused from
    browser.get(url("/pathways/" + id + "/municipality"));
    assertThat(find(By.id("emergency-banner")).getText()).startsWith("Nødtilgang – begrunnelse");
    assertThat(browser.findElements(By.id("contact-form"))).isEmpty();

    signInAs("kari");
    browser.get(url("/pathways/" + id));
    assertThat(browser.findElements(By.id("emergency-banner"))).isEmpty();
    assertThat(browser.findElements(By.id("read-only"))).isEmpty();
    browser.get(url("/pathways/" + id + "/municipality"));
    assertThat(find(By.id("contact-form")).isDisplayed()).isTrue();
  }

  @Test
  void a_leader_reviews_an_emergency_access_with_a_comment() throws Exception {
    var id = openAtFjordby();
    signInAs("nina");
    browser.get(url("/pathways/" + id + "/emergency-access"));
    find(By.id("emergency-reason")).sendKeys("Stedfortreder for Kari denne uken");
    new Select(find(By.id("emergency-kind"))).selectByValue("STANDING_IN");
    find(By.id("emergency-submit")).click();
    waitFor(ExpectedConditions.presenceOfElementLocated(By.id("emergency-banner")));

    signInAs("lise");
    find(By.id("emergency-review-link")).click();
    waitFor(ExpectedConditions.urlContains("/emergency-access"));
    var row =
        browser.findElements(By.cssSelector("#emergency-list tbody tr")).stream()
            .filter(r -> r.getText().contains("Stedfortreder for Kari denne uken"))
            .findFirst()
            .orElseThrow();
    assertThat(row.getText()).contains("Nina").contains("Stedfortreder for kollega");
    assertThat(row.getText()).contains("31.12.2024 kl. 15:00").contains("Pågår");
    screenshot("emergency-access-review");
    var rowId = row.getAttribute("id");
    row.findElement(By.name("comment")).sendKeys("Avklart med Kari, i orden");
    row.findElement(By.cssSelector("button[type=submit]")).click();

    waitFor(ExpectedConditions.presenceOfElementLocated(By.id("done")));
    assertThat(find(By.id(rowId)).getText()).contains("Gjennomgått av Lise").contains("i orden");
    assertThat(find(By.id(rowId)).findElements(By.name("comment"))).isEmpty();

    // a grant that is not on the list (gone, or another unit's): the error shows above the list
    assertThat(browser.findElements(By.id("review-error"))).isEmpty();
    ((org.openqa.selenium.JavascriptExecutor) browser)
        .executeScript(
            "var f = document.createElement('form'); f.method = 'post';"
                + " f.action = '/emergency-access/00000000-0000-0000-0000-000000000000/review';"
                + " [['_csrf', document.querySelector('meta[name=_csrf]').content],"
                + " ['comment', 'Sett']].forEach(function (p) {"
                + " var i = document.createElement('input'); i.type = 'hidden';"
                + " i.name = p[0]; i.value = p[1]; f.appendChild(i); });"
                + " document.body.appendChild(f); f.submit();");
    waitFor(ExpectedConditions.presenceOfElementLocated(By.id("review-error")));
    assertThat(find(By.id("review-error")).getText()).isNotBlank();
  }
}
