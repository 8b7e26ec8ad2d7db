package no.forlop.referral.web;

import static org.assertj.core.api.Assertions.assertThat;

import no.forlop.testing.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

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

  private void assess() {
    find(By.id("referral-assess")).click();
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
}
