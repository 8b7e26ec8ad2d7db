package no.forlop.coordinator.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import no.forlop.access.Actor;
import no.forlop.catalog.Milestone;
import no.forlop.ingest.IntakeService;
import no.forlop.pathway.PathwayService;
import no.forlop.pathway.PathwayView;
import no.forlop.pathway.RegistrationId;
import no.forlop.patient.PatientIdentifier;
import no.forlop.testing.BrowserTest;
import no.forlop.testing.TestPatients;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * One substance-use (TSB, D01) pathway from referral to first evaluation, in a real browser, with
 * the codes derived by the real intake from FHIR R4 collection Bundles shaped like the acceptance
 * scenarios app/src/test/resources/acceptance/mental-health-* (docs/rules.md, "Mental health and
 * substance use"). Today is 2024-12-31. The coordinator kari (Fjordby sykehus HF, 910000012) sees
 * the pathway on her worklist, reads on its page why each milestone was derived, plans the next
 * evaluation, sees the plan on the worklist, and opens the status messages for the municipality.
 */
class MentalHealthPathwayBrowserIT extends BrowserTest {

  static final String UNIT = "910000012";
  static final Actor EHR = new Actor("ehr-test", "INTEGRATION");
  static final Actor SYSTEM = new Actor("mental-health-browser-test", "TESTING");
  static final String PATHWAY_CODES = "urn:oid:2.16.578.1.12.4.1.1.8480";

  @Autowired IntakeService intake;
  @Autowired PathwayService pathways;

  private final String patient = TestPatients.next();
  private final String p = "p-" + UUID.randomUUID();

  @Test
  void a_coordinator_follows_a_substance_use_pathway_from_referral_to_first_evaluation() {
    // referral received 26 Nov, assessed 28 Nov (the start), first attendance 3 Dec, decision for
    // TSB treatment (D01CT) 10 Dec: the first evaluation was due within 7 days, on 17 Dec
    deliver(
        serviceRequest("2024-11-25"),
        task("received", "2024-11-26"),
        task("accepted", "2024-11-28"),
        encounter("2024-12-03"),
        decision("D01CT", "2024-12-10"));
    var view = pathway();
    var start = registration(view, Milestone.PATHWAY_START);
    var attendance = registration(view, Milestone.FIRST_ATTENDANCE);
    var decision = registration(view, Milestone.CLINICAL_DECISION);

    signInAs("kari");

    // the worklist lists the pathway with its next milestone, the first evaluation, and its due
    // date
    var row = worklistRow();
    assertThat(row.getText())
        .contains("D01")
        .contains(patient.substring(0, 6) + "*****")
        .contains("Evaluering")
        .contains("17.12.2024");
    assertThat(row.getText()).doesNotContain("planlagt");

    // the pathway page: start, first attendance and decision, each with the rule that derived it
    row.findElement(By.cssSelector("a.patient")).click();
    waitFor(ExpectedConditions.urlContains("/pathways/" + view.id()));
    waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("timeline")));
    assertThat(find(By.id("patient-name")).getText()).isEqualTo("Sigrid Helle");
    assertThat(find(By.id("patient-id")).getText()).isEqualTo(patient);
    assertMilestone(start, "28.11.2024", "MH-START-ASSESSED");
    assertMilestone(attendance, "03.12.2024", "FIRST-ATTENDANCE-ENCOUNTER");
    assertMilestone(decision, "10.12.2024", "MH-DECISION-OUTCOME");
    assertThat(find(By.cssSelector("#code-" + decision + " .milestone-code")).getText())
        .isEqualTo("D01CT");
    // the start's event letter was not found in the coding guide: the page says so, and never
    // shows the catalogue's internal milestone key instead of a code
    assertThat(find(By.cssSelector("#code-" + start + " .milestone-code")).getText())
        .isEqualTo("ingen kodebokstav");
    assertThat(find(By.tagName("main")).getText()).doesNotContain("PATHWAY_START");
    assertThat(find(By.id("register-code")).findElements(By.tagName("option")).get(0).getText())
        .doesNotContain("PATHWAY_START");
    assertThat(find(By.id("evaluation-planned")).getText())
        .startsWith("Neste evaluering er ikke planlagt ennå");

    // the EHR documents the first evaluation on 16 December (SNOMED 386053000)
    deliver(evaluation("2024-12-16"));
    var evaluation = registration(pathway(), Milestone.EVALUATION);
    browser.get(url("/pathways/" + view.id()));
    waitFor(ExpectedConditions.presenceOfElementLocated(By.id("code-" + evaluation)));
    assertMilestone(evaluation, "16.12.2024", "MH-EVALUATION");
    // the earlier milestones are still there (with the first attendance's care setting, which
    // gives the norm), and still one pathway
    assertThat(browser.findElements(By.cssSelector("#timeline li.milestone"))).hasSize(5);
    assertThat(find(By.id("timeline")).getText())
        .contains("Første fremmøte var poliklinisk")
        .doesNotContain("??");

    // plan the next evaluation from the page
    var date = find(By.id("evaluation-date"));
    ((JavascriptExecutor) browser)
        .executeScript("arguments[0].value = '2025-01-20'", date); // the date field's own format
    find(By.id("evaluation-submit")).click();
    waitFor(
        ExpectedConditions.textToBe(
            By.id("evaluation-planned"), "Neste evaluering er planlagt 20.01.2025."));
    assertThat(find(By.id("done")).getText()).isEqualTo("Evalueringen er planlagt.");

    // … and see it on the worklist, within the interval's deadline
    var planned = worklistRow();
    assertThat(planned.getText()).contains("Evaluering").contains("planlagt 20.01.2025");
    assertThat(planned.getText()).doesNotContain("etter fristen");

    // the municipality page: the status messages at the start and at the decision
    browser.get(url("/pathways/" + view.id()));
    find(By.id("municipality-link")).click();
    waitFor(ExpectedConditions.urlContains("/pathways/" + view.id() + "/municipality"));
    var startMessage =
        waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("message-START-1")));
    assertThat(startMessage.getText()).contains("startet 28. november 2024");
    assertThat(find(By.id("message-DECISION-1")).getText())
        .contains("Det ble tatt en klinisk beslutning 10. desember 2024")
        .contains("behov for behandling i TSB");
    assertThat(browser.findElements(By.id("message-DECISION-2"))).isEmpty();
  }

  /** The timeline entry of a registration: its date, registered, and its why naming the rule. */
  private void assertMilestone(RegistrationId registration, String date, String rule) {
    var entry = "#code-" + registration;
    assertThat(find(By.cssSelector(entry + " .milestone-date")).getText()).isEqualTo(date);
    assertThat(find(By.cssSelector(entry + " .badge-registered")).getText())
        .isEqualTo("Registrert");
    find(By.cssSelector(entry + " details.why summary")).click();
    var ruleId =
        waitFor(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(entry + " details.why .rule-id")));
    assertThat(ruleId.getText()).isEqualTo(rule);
  }

  /** The one worklist row of the patient, searched for by fødselsnummer. */
  private WebElement worklistRow() {
    browser.get(url("/worklist"));
    find(By.name("q")).sendKeys(patient, org.openqa.selenium.Keys.ENTER);
    waitFor(ExpectedConditions.urlContains("search="));
    waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#worklist tbody tr")));
    var rows = browser.findElements(By.cssSelector("#worklist tbody tr"));
    assertThat(rows).hasSize(1);
    return rows.get(0);
  }

  private PathwayView pathway() {
    List<PathwayView> found = pathways.byPatient(PatientIdentifier.parse(patient), null, SYSTEM);
    assertThat(found).hasSize(1);
    assertThat(found.get(0).pathway().value()).isEqualTo("substance-use");
    assertThat(found.get(0).organisation().value()).isEqualTo(UNIT);
    return found.get(0);
  }

  private static RegistrationId registration(PathwayView view, Milestone milestone) {
    var codes = view.codes().stream().filter(c -> c.milestone() == milestone).toList();
    assertThat(codes).as(milestone.name()).hasSize(1);
    return codes.get(0).registration();
  }

  // ------------------------------------------------------------------ the EHR's FHIR R4 events

  /** A collection Bundle with the patient, the organisation and the events, through the intake. */
  private void deliver(String... events) {
    var entries = new StringBuilder();
    entries.append(
        entry(
            "Patient/" + p,
            """
            {"resourceType":"Patient","id":"%s","identifier":[{"system":"urn:oid:2.16.578.1.12.4.1.4.1","value":"%s"}],"name":[{"use":"official","family":"Helle","given":["Sigrid"]}]}"""
                .formatted(p, patient)));
    entries.append(',');
    entries.append(
        entry(
            "Organization/hf1",
            """
            {"resourceType":"Organization","id":"hf1","identifier":[{"system":"urn:oid:2.16.578.1.12.4.1.4.101","value":"%s"}],"name":"Fjordby sykehus HF"}"""
                .formatted(UNIT)));
    for (var event : events) {
      entries.append(',').append(event);
    }
    var bundle =
        "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[" + entries + "]}";
    intake.receive(bundle.getBytes(StandardCharsets.UTF_8), "test", EHR, true);
  }

  private static String entry(String reference, String resource) {
    return "{\"fullUrl\":\"https://ehr.fjordby.example/fhir/"
        + reference
        + "\",\"resource\":"
        + resource.strip()
        + "}";
  }

  private String serviceRequest(String authoredOn) {
    return entry(
        "ServiceRequest/sr-" + p,
        """
        {"resourceType":"ServiceRequest","id":"sr-%s","status":"active","intent":"order","subject":{"reference":"Patient/%s"},"performer":[{"reference":"Organization/hf1"}],"authoredOn":"%sT10:00:00+01:00","code":{"coding":[{"system":"%s","code":"D01"}]}}"""
            .formatted(p, p, authoredOn, PATHWAY_CODES));
  }

  private String task(String status, String authoredOn) {
    return entry(
        "Task/t-" + status + "-" + p,
        """
        {"resourceType":"Task","id":"t-%s-%s","status":"%s","intent":"order","focus":{"reference":"ServiceRequest/sr-%s"},"for":{"reference":"Patient/%s"},"owner":{"reference":"Organization/hf1"},"authoredOn":"%sT10:00:00+01:00"}"""
            .formatted(status, p, status, p, p, authoredOn));
  }

  private String encounter(String on) {
    return entry(
        "Encounter/e-" + p,
        """
        {"resourceType":"Encounter","id":"e-%s","status":"finished","class":{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"AMB"},"subject":{"reference":"Patient/%s"},"serviceProvider":{"reference":"Organization/hf1"},"period":{"start":"%sT10:00:00+01:00"}}"""
            .formatted(p, p, on));
  }

  private String decision(String code, String on) {
    return entry(
        "ClinicalImpression/ci-" + p,
        """
        {"resourceType":"ClinicalImpression","id":"ci-%s","status":"completed","subject":{"reference":"Patient/%s"},"date":"%sT14:00:00+01:00","finding":[{"itemCodeableConcept":{"coding":[{"system":"%s","code":"%s"}]}}]}"""
            .formatted(p, p, on, PATHWAY_CODES, code));
  }

  private String evaluation(String on) {
    return entry(
        "ClinicalImpression/ev-" + p,
        """
        {"resourceType":"ClinicalImpression","id":"ev-%s","status":"completed","code":{"coding":[{"system":"http://snomed.info/sct","code":"386053000","display":"Evaluation procedure"}]},"subject":{"reference":"Patient/%s"},"date":"%sT14:00:00+01:00"}"""
            .formatted(p, p, on));
  }
}
