package no.forlop.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import no.forlop.ingest.referral.GpReferral;
import no.forlop.ingest.referral.ReferralBundles;
import no.forlop.testing.ApplicationTest;
import no.forlop.testing.TestPatients;
import no.forlop.testing.TestUnits;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.node.ObjectNode;

/**
 * Referral quality on the dashboard (issue 17 item 4, ADR 0044), end to end: GP referrals posted to
 * {@code /fhir} as the GP page builds them, some with every item of required content confirmed and
 * some without, referrals from an EHR without the GP's answers, and the hospital's receipts; then
 * the leader's dashboard shows, per pathway and practice, the referrals, the share complete of
 * those known, the unknown, and the days from writing to receipt, with counts 1–2 suppressed. Each
 * test has practices of its own. Today is 2024-12-31.
 */
class ReferralQualityIT extends ApplicationTest {

  private static final String FJORDBY = "910000012";
  private static final String DASHBOARD =
      "/dashboard?from=2024-12-01&to=2024-12-31&pathway=colorectal";

  private enum Content {
    COMPLETE,
    INCOMPLETE,
    NONE
  }

  /**
   * Posts a colorectal referral from the practice written on the day (in Oslo), with or without the
   * GP's answers, and, if {@code receivedOn} is given, the hospital's receipt on that day.
   */
  private void refer(String practice, String writtenOn, Content content, String receivedOn) {
    var id = UUID.randomUUID();
    var answers = new ArrayList<GpReferral.Answer>();
    answers.add(new GpReferral.Answer("colorectal-age-over-40", "criteria", "Over 40 år", true));
    answers.add(
        new GpReferral.Answer("content-a", ReferralBundles.REQUIRED_CONTENT, "Hemoglobin", true));
    answers.add(
        new GpReferral.Answer(
            "content-b",
            ReferralBundles.REQUIRED_CONTENT,
            "Funn ved rektal eksplorasjon",
            content == Content.COMPLETE));
    var referral =
        new GpReferral(
            id,
            Instant.parse(writtenOn + "T09:00:00Z"),
            new GpReferral.Person(TestPatients.next(), "Kari Testesen", null),
            new GpReferral.Organisation(practice, "Legesenter " + practice),
            new GpReferral.Organisation(FJORDBY, "Fjordby sykehus HF"),
            "colorectal",
            "Pakkeforløp for tykk- og endetarmskreft",
            "A12A",
            "PK",
            "C18",
            "test",
            "Kriteriene for begrunnet mistanke er oppfylt.",
            answers,
            List.of("Hemoglobin", "Funn ved rektal eksplorasjon"));
    var bundle = ReferralBundles.transaction(referral);
    if (content == Content.NONE) {
      bundle = withoutResponse(bundle);
    }
    var sent = postFhir(bundle);
    assertThat(sent.status()).as(sent.body()).isEqualTo(200);
    if (receivedOn != null) {
      var receipt =
          """
          {"resourceType": "Bundle", "type": "transaction", "entry": [
            {"fullUrl": "https://ehr.fjordby.example/fhir/Organization/org-hf1",
             "resource": {"resourceType": "Organization", "id": "org-hf1",
               "identifier": [{"system": "urn:oid:2.16.578.1.12.4.1.4.101", "value": "910000012"}]},
             "request": {"method": "PUT", "url": "Organization/org-hf1"}},
            {"fullUrl": "https://ehr.fjordby.example/fhir/Task/rq-%s",
             "resource": {"resourceType": "Task", "id": "rq-%s", "status": "received",
               "intent": "order",
               "focus": {"type": "ServiceRequest",
                 "identifier": {"system": "%s", "value": "%s"}},
               "owner": {"reference": "Organization/org-hf1"},
               "authoredOn": "%sT11:00:00+01:00"},
             "request": {"method": "PUT", "url": "Task/rq-%s"}}]}
          """
              .formatted(id, id, ReferralBundles.IDENTIFIER_SYSTEM, id, receivedOn, id);
      var received = postFhir(receipt);
      assertThat(received.status()).as(received.body()).isEqualTo(200);
    }
  }

  /** The referral as an EHR sends it: the ServiceRequest without the GP's answers. */
  private static String withoutResponse(String bundle) {
    var json = (ObjectNode) JSON.readTree(bundle);
    var entries = (tools.jackson.databind.node.ArrayNode) json.get("entry");
    entries.remove(4);
    ((ObjectNode) entries.get(3).get("resource")).remove("supportingInfo");
    return JSON.writeValueAsString(json);
  }

  @Autowired WebApplicationContext context;

  /** The dashboard's page (or a download) as the leader lise (Fjordby and Nordby) sees it. */
  private String dashboard(String query) throws Exception {
    var mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    var page =
        mvc.perform(MockMvcRequestBuilders.get(query).with(user("lise").roles("LEADER")))
            .andReturn()
            .getResponse();
    assertThat(page.getStatus()).isEqualTo(200);
    return page.getContentAsString(StandardCharsets.UTF_8);
  }

  private Response postFhir(String bundle) {
    return post(
        "/fhir", "application/fhir+json", bundle.getBytes(StandardCharsets.UTF_8), AS, "ehr");
  }

  /** The cells of the practice's row in the table, by their class. */
  private static String cell(String page, String practice, String column) {
    var row =
        Pattern.compile(
                "<tr id=\"referral-quality-colorectal-" + practice + "\">(.*?)</tr>",
                Pattern.DOTALL)
            .matcher(page);
    assertThat(row.find()).as("a row for practice %s", practice).isTrue();
    var cell =
        Pattern.compile("<td class=\"num " + column + "\">([^<]*)</td>").matcher(row.group(1));
    assertThat(cell.find()).as("column %s in %s", column, row.group(1)).isTrue();
    return cell.group(1);
  }

  @Test
  void the_dashboard_shows_per_practice_the_share_complete_the_unknown_and_the_days_to_receipt()
      throws Exception {
    var practice = TestUnits.next();
    refer(practice, "2024-12-20", Content.COMPLETE, "2024-12-22");
    refer(practice, "2024-12-20", Content.COMPLETE, "2024-12-23");
    refer(practice, "2024-12-20", Content.COMPLETE, "2024-12-26");
    refer(practice, "2024-12-20", Content.INCOMPLETE, null);
    refer(practice, "2024-12-20", Content.INCOMPLETE, null);
    refer(practice, "2024-12-20", Content.INCOMPLETE, null);
    refer(practice, "2024-12-20", Content.NONE, null);

    var page = dashboard(DASHBOARD);

    assertThat(page).contains("Henvisningskvalitet", "Legesenter " + practice);
    assertThat(cell(page, practice, "referrals")).isEqualTo("7");
    assertThat(cell(page, practice, "complete"))
        .as("3 complete of the 6 with answers: 3 is shown")
        .isEqualTo("50 % (3 av 6)");
    assertThat(cell(page, practice, "unknown"))
        .as("one EHR referral without answers: unknown, not incomplete, and suppressed")
        .isEqualTo("&lt;3");
    assertThat(cell(page, practice, "median"))
        .as("days 2, 3 and 6 from writing to receipt")
        .isEqualTo("3");
    assertThat(cell(page, practice, "p90")).isEqualTo("5,4");
  }

  @Test
  void two_referrals_from_a_practice_are_suppressed_with_their_share_and_days() throws Exception {
    var practice = TestUnits.next();
    refer(practice, "2024-12-20", Content.COMPLETE, "2024-12-22");
    refer(practice, "2024-12-20", Content.COMPLETE, "2024-12-23");

    var page = dashboard(DASHBOARD);

    assertThat(cell(page, practice, "referrals")).isEqualTo("&lt;3");
    assertThat(cell(page, practice, "complete")).isEqualTo("– (&lt;3 av &lt;3)");
    assertThat(cell(page, practice, "unknown")).isEqualTo("0");
    assertThat(cell(page, practice, "median")).isEqualTo("–");
    assertThat(cell(page, practice, "p90")).isEqualTo("–");

    var csv =
        dashboard(
            "/dashboard/export.csv?from=2024-12-01&to=2024-12-31&pathway=colorectal"
                + "&table=referral-quality");
    assertThat(csv)
        .as("the download leaves the unit: suppressed alike")
        .contains("Henvisningskvalitet")
        .containsPattern(practice + ";Legesenter " + practice + ";<3;<3;<3;;0;;");
  }

  @Test
  void a_referral_that_started_a_pathway_outside_the_period_is_not_in_its_table() throws Exception {
    var practice = TestUnits.next();
    refer(practice, "2024-11-04", Content.COMPLETE, "2024-11-05");

    assertThat(dashboard(DASHBOARD)).doesNotContain("referral-quality-colorectal-" + practice);
    assertThat(dashboard("/dashboard?from=2024-11-01&to=2024-11-30&pathway=colorectal"))
        .contains("referral-quality-colorectal-" + practice);
  }
}
