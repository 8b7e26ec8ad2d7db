package no.forlop.referral.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import no.forlop.ingest.referral.GpReferral;
import no.forlop.ingest.referral.ReferralBundles;
import no.forlop.ingest.referral.ReferralWording;
import no.forlop.patient.PatientIdentifier;
import no.forlop.testing.BrowserTest;
import no.forlop.testing.TestPatients;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The GP's status view in a real browser (issue 17): the demo GP signs in, lands on "Mine henviste
 * pasienter" and finds the patient they referred, by initials and birth date, with where the
 * pathway stands; another GP of the same practice does not; the GP reaches no staff page.
 */
class GpStatusBrowserIT extends BrowserTest {

  /** A referral the demo GP (HPR 9144900) wrote on 2024-12-20, sent to Fjordby through /fhir. */
  private String referred() {
    var fnr = TestPatients.next();
    var referral =
        new GpReferral(
            UUID.randomUUID(),
            Instant.parse("2024-12-20T09:00:00Z"),
            new GpReferral.Person(fnr, "Berit Nilsen", null),
            new GpReferral.Organisation("974600951", "Fjordby legesenter"),
            new GpReferral.Organisation("910000012", "Fjordby sykehus HF"),
            "colorectal",
            "Pakkeforløp for tykk- og endetarmskreft",
            "A12A",
            "PK",
            null,
            "2026.12.1",
            "Kriteriene for begrunnet mistanke er oppfylt.",
            List.of(),
            List.of(),
            "9144900");
    var sent =
        post(
            "/fhir",
            "application/fhir+json",
            ReferralBundles.transaction(referral).getBytes(StandardCharsets.UTF_8),
            AS,
            "ehr");
    assertThat(sent.status()).as(sent.body()).isEqualTo(200);
    return fnr;
  }

  private WebElement rowOf(String fnr) {
    var born = ReferralWording.DATE.format(PatientIdentifier.parse(fnr).birthDate());
    return browser.findElements(By.cssSelector("#gp-referrals tr.gp-referral")).stream()
        .filter(r -> r.findElement(By.className("gp-born")).getText().equals(born))
        .filter(r -> r.findElement(By.className("gp-written")).getText().equals("20.12.2024"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no row for the referred patient"));
  }

  @Test
  void the_gp_signs_in_and_sees_where_the_referred_patients_pathway_stands() {
    var fnr = referred();

    signInAs("gp");

    assertThat(browser.getCurrentUrl()).endsWith("/fastlege");
    assertThat(find(By.tagName("h1")).getText()).isEqualTo("Mine henviste pasienter");
    assertThat(find(By.id("gp-who")).getText()).contains("Per Lege", "9144900");
    var row = rowOf(fnr);
    assertThat(row.findElement(By.className("gp-initials")).getText()).isEqualTo("B. N.");
    assertThat(row.findElement(By.className("gp-receiver")).getText())
        .isEqualTo("Fjordby sykehus HF");
    assertThat(row.findElement(By.className("gp-progress")).getText())
        .isEqualTo("Henvisningen er mottatt og forløpet er startet");
    assertThat(row.findElement(By.className("gp-step")).getText())
        .isEqualTo("20.12.2024: Mottatt og forløpet startet");
    assertThat(row.getText()).doesNotContain(fnr, "Berit", "A12");
    // the GP's menu: their page and the referral page, no worklist, MDT or statistics
    assertThat(find(By.id("gp-status-link")).getText()).isEqualTo("Mine henviste pasienter");
    assertThat(browser.findElements(By.linkText("Arbeidsliste"))).isEmpty();
    assertThat(contentSecurityPolicyViolations()).isEmpty();
  }

  @Test
  void another_gp_of_the_practice_does_not_see_the_patient_and_a_gp_reaches_no_staff_page() {
    var fnr = referred();
    var born = ReferralWording.DATE.format(PatientIdentifier.parse(fnr).birthDate());

    signInAs("gro");
    assertThat(find(By.tagName("h1")).getText()).isEqualTo("Mine henviste pasienter");
    assertThat(browser.findElements(By.cssSelector("tr.gp-referral")))
        .noneMatch(r -> r.getText().contains("20.12.2024") && r.getText().contains(born));

    var before = find(By.tagName("html"));
    browser.get(url("/worklist"));
    waitFor(ExpectedConditions.stalenessOf(before));
    assertThat(find(By.tagName("main")).getText()).doesNotContain("Arbeidsliste");
    assertThat(browser.findElements(By.id("worklist"))).isEmpty();
  }
}
