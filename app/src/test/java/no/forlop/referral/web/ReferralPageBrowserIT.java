package no.forlop.referral.web;

import static org.assertj.core.api.Assertions.assertThat;

import no.forlop.testing.BrowserTest;
import no.forlop.testing.TestPatients;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The GP's referral page in a real browser, without signing in: criteria met, not met, a filter
 * step missing, a pathway whose criteria are unknown, and English.
 */
class ReferralPageBrowserIT extends BrowserTest {

  private void open(String path) {
    browser.manage().deleteAllCookies();
    browser.get(url(path));
  }

  private void tick(String id) {
    find(By.id("tick-" + id)).click();
  }

  /** Sends the ticks and waits for the new page: what the old one shows is not the answer. */
  private void assess() {
    var before = find(By.tagName("html"));
    find(By.id("referral-assess")).click();
    waitFor(ExpectedConditions.stalenessOf(before));
  }

  @Test
  void a_gp_starts_from_a_sign_and_meets_the_criteria_with_the_filter_step_done() {
    open("/henvisning");
    assertThat(find(By.tagName("h1")).getText()).isEqualTo("Henvisning til pakkeforløp");
    find(By.id("referral-signs")).findElement(By.linkText("Pakkeforløp for lungekreft")).click();

    assertThat(find(By.tagName("h1")).getText()).isEqualTo("Pakkeforløp for lungekreft");
    tick("lung-imaging");
    tick("lung-filter-ct");
    assess();

    assertThat(find(By.id("result-MET")).getText())
        .isEqualTo("Kriteriene for begrunnet mistanke er oppfylt.");
    assertThat(browser.findElements(By.id("referral-missing-filter"))).isEmpty();
    // the ticks survive the round trip, and nothing but the address holds them
    assertThat(find(By.id("tick-lung-imaging")).isSelected()).isTrue();
    assertThat(browser.getCurrentUrl()).contains("funn=lung-imaging", "funn=lung-filter-ct");
    assertThat(contentSecurityPolicyViolations()).isEmpty();
  }

  @Test
  void the_criteria_met_but_the_filter_step_not_done_names_the_step() {
    open("/henvisning/lung");
    tick("lung-biopsy");
    assess();

    assertThat(find(By.id("result-MET")).isDisplayed()).isTrue();
    assertThat(find(By.id("missing-lung-filter-ct")).getText())
        .startsWith("CT av brystkasse og øvre del av buken med kontrast");
  }

  @Test
  void a_finding_without_the_required_age_does_not_meet_the_criteria() {
    open("/henvisning/colorectal");
    tick("colorectal-bleeding");
    assess();

    assertThat(find(By.id("result-NOT_MET")).getText())
        .isEqualTo("Kriteriene for begrunnet mistanke er ikke oppfylt.");
    assertThat(find(By.id("referral-missing-required")).getText())
        .contains("Pasienten er over 40 år");

    tick("colorectal-age-over-40");
    assess();
    assertThat(find(By.id("result-MET")).isDisplayed()).isTrue();
    assertThat(find(By.id("referral-content")).getText()).contains("Hemoglobinverdi");
  }

  @Test
  void a_pathway_without_known_criteria_says_so_and_english_works() {
    open("/henvisning/mh-adults?vurder=1");
    assertThat(find(By.id("result-UNKNOWN")).isDisplayed()).isTrue();
    assertThat(find(By.id("referral-unknown")).isDisplayed()).isTrue();

    open("/henvisning/lung?lang=en");
    assertThat(find(By.tagName("h1")).getText()).isEqualTo("Lung cancer pathway");
    tick("lung-biopsy");
    assess();
    assertThat(find(By.id("result-MET")).getText())
        .isEqualTo("The criteria for a well-founded suspicion are met.");
    browser.manage().deleteAllCookies();
  }

  private void fillIn(String fnr) {
    type("referral-fodselsnummer", fnr);
    type("referral-navn", "Kari Testesen");
    type("referral-icd10", "C34");
    type("referral-fraOrgnr", "974600951");
    type("referral-tilOrgnr", "910000012");
  }

  private void type(String id, String text) {
    var field = find(By.id(id));
    field.clear();
    field.sendKeys(text);
  }

  /**
   * Sends the "Lag henvisning" form as the browser would (its fields and CSRF token, the session's
   * cookie) and gives the answer: status, content type, content disposition and body. A real click
   * would save the file where the test cannot read it.
   */
  @SuppressWarnings("unchecked")
  private java.util.List<Object> download() {
    return (java.util.List<Object>)
        ((org.openqa.selenium.JavascriptExecutor) browser)
            .executeAsyncScript(
                """
                const done = arguments[arguments.length - 1];
                const form = document.getElementById('referral-write-form');
                fetch(form.action, {method: 'POST', credentials: 'same-origin',
                    body: new URLSearchParams(new FormData(form))})
                  .then(r => r.text().then(t => done([r.status, r.headers.get('Content-Type'),
                      r.headers.get('Content-Disposition'), t])))
                  .catch(e => done([0, '', '', String(e)]));
                """);
  }

  @Test
  void criteria_not_met_still_give_a_referral_that_says_so() {
    open("/henvisning/lung");
    assess();
    assertThat(find(By.id("result-NOT_MET")).isDisplayed()).isTrue();
    assertThat(find(By.id("referral-write-not-met")).getText()).contains("Du kan likevel henvise");
    assertThat(find(By.id("referral-write-ticked")).getText())
        .isEqualTo("Ingenting er krysset av.");

    fillIn(TestPatients.next());
    var answer = download();

    assertThat(answer.get(0)).isEqualTo(200L);
    assertThat((String) answer.get(1)).startsWith("application/fhir+json");
    assertThat((String) answer.get(2)).contains("attachment", "henvisning-lung.json");
    assertThat((String) answer.get(3))
        .contains(
            "\"resourceType\": \"Bundle\"",
            "Kriteriene for begrunnet mistanke er ikke oppfylt.",
            "fastlegens kliniske vurdering");
    assertThat(contentSecurityPolicyViolations()).isEmpty();
  }

  @Test
  void criteria_met_with_the_filter_step_done_give_a_referral_with_the_answers() {
    open("/henvisning/lung");
    tick("lung-imaging");
    tick("lung-filter-ct");
    assess();
    assertThat(browser.findElements(By.id("referral-write-not-met"))).isEmpty();
    assertThat(find(By.id("referral-write-ticked")).getText())
        .contains("Røntgen eller CT av brystkassen viser", "CT av brystkasse og øvre del av buken");

    fillIn(TestPatients.next());
    var answer = download();

    assertThat(answer.get(0)).isEqualTo(200L);
    assertThat((String) answer.get(3))
        .contains("Kriteriene for begrunnet mistanke er oppfylt.", "\"lung-filter-ct\"")
        .doesNotContain("fastlegens kliniske vurdering");
  }

  @Test
  void a_wrong_fodselsnummer_is_named_on_the_page_and_the_rest_is_kept() {
    open("/henvisning/lung");
    tick("lung-filter-ct");
    assess();
    fillIn("12345678901");
    find(By.id("referral-write-submit")).click();

    assertThat(find(By.id("problem-fodselsnummer")).getText()).contains("Fødselsnummeret");
    assertThat(find(By.id("referral-navn")).getAttribute("value")).isEqualTo("Kari Testesen");
    assertThat(find(By.id("result-NOT_MET")).isDisplayed()).isTrue();
    assertThat(browser.findElements(By.id("missing-lung-filter-ct"))).isEmpty();
    assertThat(find(By.id("referral-write-ticked")).getText())
        .startsWith("CT av brystkasse og øvre del av buken");
    assertThat(contentSecurityPolicyViolations()).isEmpty();
  }
}
