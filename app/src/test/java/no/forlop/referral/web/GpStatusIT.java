package no.forlop.referral.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import no.forlop.audit.AuditAction;
import no.forlop.audit.AuditLog;
import no.forlop.ingest.referral.GpReferral;
import no.forlop.ingest.referral.ReferralBundles;
import no.forlop.ingest.referral.ReferralWording;
import no.forlop.patient.PatientIdentifier;
import no.forlop.testing.ApplicationTest;
import no.forlop.testing.ColorectalHistory;
import no.forlop.testing.TestPatients;
import org.hl7.fhir.r4.model.ClinicalImpression;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Issue 17, item 3: the GP's referral, sent with the GP's HPR number, reaches the hospital through
 * {@code /fhir} and starts the pathway; the hospital's later events move it on; the GP who sent it
 * (demo user gp, HPR 9144900) sees where it stands on {@code /fastlege} and as FHIR Tasks, each
 * read audited; another GP at the same practice (gro) sees nothing of it, and no one else can
 * search the Tasks. Today is 2024-12-31.
 */
class GpStatusIT extends ApplicationTest {

  private static final String GP_HPR = "9144900";

  /** A GP with no user here: their referrals are no one's to see. */
  private static final String OTHER_GP_HPR = "9366122";

  private static final String PRACTICE = "974600951";
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

  @Autowired AuditLog audit;

  /** A referral the GP wrote on 2024-11-04, as the GP page builds it, with the GP's HPR number. */
  private static GpReferral referral(UUID id, String fnr, String hpr) {
    return new GpReferral(
        id,
        Instant.parse("2024-11-04T08:30:00Z"),
        new GpReferral.Person(fnr, "Kari Testesen", null),
        new GpReferral.Organisation(PRACTICE, "Fjordby legesenter"),
        new GpReferral.Organisation(ColorectalHistory.ORGANISATION_NUMBER, "Fjordby sykehus HF"),
        "colorectal",
        "Pakkeforløp for tykk- og endetarmskreft",
        "A12A",
        "PK",
        "C18",
        "2026.12.1",
        "Kriteriene for begrunnet mistanke er oppfylt.",
        List.of(),
        List.of(),
        hpr);
  }

  /**
   * What the hospital records after it: received 2024-11-05 (a Task naming the referral by its
   * identifier), first attendance 11-12, another visit 11-18, decision C18.7 on 11-20, surgery
   * 12-05.
   */
  private static byte[] hospitalEvents(String fnr, UUID referral) {
    var org = "gp-org-hf1";
    var patient = new Patient();
    patient.setId(ColorectalHistory.id(fnr, "p"));
    patient.addIdentifier().setSystem("urn:oid:2.16.578.1.12.4.1.4.1").setValue(fnr);
    patient.addName().setFamily("Testesen").addGiven("Kari"); // as the hospital's EHR has it
    var subject = new Reference("Patient/" + patient.getIdElement().getIdPart());

    var received = new Task();
    received.setId(ColorectalHistory.id(fnr, "t"));
    received.setStatus(Task.TaskStatus.RECEIVED);
    received.setIntent(Task.TaskIntent.ORDER);
    received.setFocus(
        new Reference()
            .setType("ServiceRequest")
            .setIdentifier(
                new Identifier()
                    .setSystem(ReferralBundles.IDENTIFIER_SYSTEM)
                    .setValue(referral.toString())));
    received.setOwner(new Reference("Organization/" + org));
    received.setAuthoredOnElement(new DateTimeType("2024-11-05T09:10:00+01:00"));

    var decision = new ClinicalImpression();
    decision.setId(ColorectalHistory.id(fnr, "ci"));
    decision.setStatus(ClinicalImpression.ClinicalImpressionStatus.COMPLETED);
    decision.setSubject(subject);
    decision.setDateElement(new DateTimeType("2024-11-20T13:00:00+01:00"));
    decision.setEncounter(new Reference("Encounter/" + ColorectalHistory.id(fnr, "e2")));
    decision
        .addFinding()
        .setItemCodeableConcept(
            new CodeableConcept(new Coding("urn:oid:2.16.578.1.12.4.1.1.7110", "C18.7", null)));

    var surgery = new Procedure();
    surgery.setId(ColorectalHistory.id(fnr, "op"));
    surgery.setStatus(Procedure.ProcedureStatus.COMPLETED);
    surgery.setSubject(subject);
    surgery.setPerformed(new DateTimeType("2024-12-05T08:00:00+01:00"));
    surgery.setCategory(
        new CodeableConcept(new Coding("http://snomed.info/sct", "387713003", null)));

    return ColorectalHistory.batch(
        List.of(
            ColorectalHistory.organisation(org),
            patient,
            received,
            ColorectalHistory.encounter(fnr, "e1", org, "2024-11-12T08:30:00+01:00"),
            ColorectalHistory.encounter(fnr, "e2", org, "2024-11-18T10:00:00+01:00"),
            decision,
            surgery));
  }

  private Response postFhir(byte[] body) {
    return post("/fhir", "application/fhir+json", body, AS, "ehr");
  }

  @Test
  void the_gp_follows_the_referral_from_start_to_treatment_and_another_gp_sees_nothing() {
    var fnr = TestPatients.next();
    var id = UUID.randomUUID();
    var bundle = ReferralBundles.transaction(referral(id, fnr, GP_HPR));

    var sent = postFhir(bundle.getBytes(StandardCharsets.UTF_8));
    assertThat(sent.status()).as(sent.body()).isEqualTo(200);
    assertThat(task(tasks("gp"), id).path("status").asString())
        .as("started: the day the GP wrote it, until the hospital's receipt")
        .isEqualTo("accepted");

    var events = postFhir(hospitalEvents(fnr, id));
    assertThat(events.status()).as(events.body()).isEqualTo(200);

    var task = task(tasks("gp"), id);
    assertThat(task.path("status").asString()).isEqualTo("in-progress");
    assertThat(task.path("businessStatus").path("text").asString())
        .isEqualTo("Behandlingen har startet (05.12.2024)");
    assertThat(task.path("for").path("identifier").path("value").asString()).isEqualTo(fnr);
    assertThat(task.path("requester").path("identifier").path("value").asString())
        .isEqualTo(GP_HPR);
    var milestones = new ArrayList<String>();
    task.path("output")
        .forEach(
            o ->
                milestones.add(
                    o.path("type").path("coding").get(0).path("code").asString()
                        + " "
                        + o.path("valueDate").asString()));
    assertThat(milestones)
        .containsExactly(
            "STARTED 2024-11-05",
            "FIRST_ATTENDANCE 2024-11-12",
            "DECISION 2024-11-20",
            "TREATMENT_START 2024-12-05");

    var page = page("gp", "/fastlege");
    assertThat(page.statusCode()).isEqualTo(200);
    var row = row(page.body(), fnr);
    assertThat(row)
        .contains(
            "K. T.",
            "04.11.2024",
            "Fjordby sykehus HF",
            "Behandlingen har startet",
            "05.11.2024",
            "Mottatt og forløpet startet",
            "12.11.2024",
            "Første oppmøte",
            "20.11.2024",
            "Beslutning om behandling",
            "05.12.2024",
            "Behandling startet")
        .doesNotContain("A12", "C18", fnr);

    assertThat(audit.forPatient(fnr))
        .filteredOn(e -> e.actor().equals("gp") && e.action() == AuditAction.READ)
        .extracting(e -> e.resource())
        .contains("fhir/Task", "gp-status");

    // another GP at the same practice: none of it
    assertThat(tasks("gro").path("entry"))
        .noneMatch(e -> e.path("resource").toString().contains(id.toString()));
    assertThat(page("gro", "/fastlege").body()).doesNotContain("05.12.2024");
    assertThat(audit.forPatient(fnr)).noneMatch(e -> e.actor().equals("gro"));
  }

  /** A referral by the GP to the hospital for this pathway, written on this day (ADR 0048). */
  private static GpReferral referral(
      UUID id, String fnr, String writtenAt, String pathway, String name, String code, String icd) {
    return new GpReferral(
        id,
        Instant.parse(writtenAt),
        new GpReferral.Person(fnr, "Kari Testesen", null),
        new GpReferral.Organisation(PRACTICE, "Fjordby legesenter"),
        new GpReferral.Organisation(ColorectalHistory.ORGANISATION_NUMBER, "Fjordby sykehus HF"),
        pathway,
        name,
        code,
        "PK",
        icd,
        "2026.12.1",
        "Kriteriene for begrunnet mistanke er oppfylt.",
        List.of(),
        List.of(),
        GP_HPR);
  }

  /** The hospital's receipt of the referral (a Task naming it by its identifier) on this day. */
  private static byte[] receipt(String fnr, UUID referral, String suffix, String receivedAt) {
    var org = "gp-org-hf1";
    var patient = new Patient();
    patient.setId(ColorectalHistory.id(fnr, "p"));
    patient.addIdentifier().setSystem("urn:oid:2.16.578.1.12.4.1.4.1").setValue(fnr);
    var received = new Task();
    received.setId(ColorectalHistory.id(fnr, suffix));
    received.setStatus(Task.TaskStatus.RECEIVED);
    received.setIntent(Task.TaskIntent.ORDER);
    received.setFocus(
        new Reference()
            .setType("ServiceRequest")
            .setIdentifier(
                new Identifier()
                    .setSystem(ReferralBundles.IDENTIFIER_SYSTEM)
                    .setValue(referral.toString())));
    received.setOwner(new Reference("Organization/" + org));
    received.setAuthoredOnElement(new DateTimeType(receivedAt));
    return ColorectalHistory.batch(List.of(ColorectalHistory.organisation(org), patient, received));
  }

  private void send(GpReferral referral) {
    var sent = postFhir(ReferralBundles.transaction(referral).getBytes(StandardCharsets.UTF_8));
    assertThat(sent.status()).as(sent.body()).isEqualTo(200);
  }

  /** The milestones of the Task's output, as {@code CODE yyyy-MM-dd}. */
  private static List<String> milestones(JsonNode task) {
    var milestones = new ArrayList<String>();
    task.path("output")
        .forEach(
            o ->
                milestones.add(
                    o.path("type").path("coding").get(0).path("code").asString()
                        + " "
                        + o.path("valueDate").asString()));
    return milestones;
  }

  /** The page's row of the patient's referral written on this day ({@code dd.MM.yyyy}). */
  private static String rowWritten(String page, String fnr, String written) {
    var born = ReferralWording.DATE.format(PatientIdentifier.parse(fnr).birthDate());
    for (var row : page.split("<tr ")) {
      if (row.contains(born) && row.contains("class=\"gp-written\">" + written + "<")) {
        return row;
      }
    }
    throw new AssertionError("no row written " + written + " for the patient in " + page);
  }

  @Test
  void two_referrals_to_one_trust_for_two_pathways_each_show_the_pathway_they_started() {
    var fnr = TestPatients.next();
    var colorectal = UUID.randomUUID();
    var prostate = UUID.randomUUID();
    // colorectal written 10-01 but received only 10-21; prostate written 10-10, no receipt yet:
    // the prostate pathway (10-10) is the earliest after the colorectal referral was written
    send(
        referral(
            colorectal,
            fnr,
            "2024-10-01T08:00:00Z",
            "colorectal",
            "Pakkeforløp for tykk- og endetarmskreft",
            "A12A",
            "C18"));
    assertThat(postFhir(receipt(fnr, colorectal, "t1", "2024-10-21T09:00:00+02:00")).status())
        .isEqualTo(200);
    send(
        referral(
            prostate,
            fnr,
            "2024-10-10T08:00:00Z",
            "prostate",
            "Pakkeforløp for prostatakreft",
            "A16A",
            "C61"));

    var tasks = tasks("gp");
    var first = task(tasks, colorectal);
    assertThat(milestones(first)).containsExactly("STARTED 2024-10-21");
    assertThat(first.path("description").asString())
        .isEqualTo("Pakkeforløp for tykk- og endetarmskreft");
    var second = task(tasks, prostate);
    assertThat(milestones(second)).containsExactly("STARTED 2024-10-10");
    assertThat(second.path("description").asString()).isEqualTo("Pakkeforløp for prostatakreft");

    var page = page("gp", "/fastlege").body();
    assertThat(rowWritten(page, fnr, "01.10.2024"))
        .contains("Pakkeforløp for tykk- og endetarmskreft", "21.10.2024")
        .doesNotContain("prostatakreft", "10.10.2024");
    assertThat(rowWritten(page, fnr, "10.10.2024"))
        .contains("Pakkeforløp for prostatakreft")
        .doesNotContain("tykk- og endetarmskreft", "21.10.2024");
  }

  @Test
  void a_second_referral_to_a_pathway_that_closed_shows_that_it_started_none() {
    var fnr = TestPatients.next();
    var first = UUID.randomUUID();
    var second = UUID.randomUUID();
    send(
        referral(
            first,
            fnr,
            "2024-06-03T08:00:00Z",
            "colorectal",
            "Pakkeforløp for tykk- og endetarmskreft",
            "A12A",
            "C18"));
    var pathway = pathwaysOf(fnr).json().get(0).get("id").asString();
    var closed =
        post(
            "/api/v1/pathways/" + pathway + "/codes",
            "{\"code\": \"PATHWAY_END\", \"date\": \"2024-07-01\"}");
    assertThat(closed.status()).as(closed.body()).isEqualTo(201);
    send(
        referral(
            second,
            fnr,
            "2024-09-02T08:00:00Z",
            "colorectal",
            "Pakkeforløp for tykk- og endetarmskreft",
            "A12A",
            "C18"));

    var tasks = tasks("gp");
    var started = task(tasks, first);
    assertThat(started.path("status").asString()).isEqualTo("completed");
    assertThat(milestones(started)).containsExactly("STARTED 2024-06-03", "CLOSED 2024-07-01");
    var none = task(tasks, second);
    assertThat(none.path("status").asString()).isEqualTo("received");
    assertThat(none.path("businessStatus").path("text").asString())
        .isEqualTo("Henvisningen er mottatt, men ingen pakkeforløp er startet");
    assertThat(none.path("output")).isEmpty();
    assertThat(none.has("description")).isFalse();

    var page = page("gp", "/fastlege").body();
    assertThat(rowWritten(page, fnr, "03.06.2024"))
        .contains("Forløpet er avsluttet", "01.07.2024", "Pakkeforløp for tykk- og endetarmskreft");
    assertThat(rowWritten(page, fnr, "02.09.2024"))
        .contains(
            "Henvisningen er mottatt, men ingen pakkeforløp er startet", "Ingen hendelser ennå")
        .doesNotContain("01.07.2024", "03.06.2024", "Pakkeforløp for");
  }

  /** The GP page's referral form, posted by a browser without a user, with these fields. */
  private HttpResponse<String> writeOnPage(String... fields) {
    var browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    var page = send(browser, HttpRequest.newBuilder(uri("/henvisning/colorectal")).GET());
    var token = CSRF.matcher(page.body());
    assertThat(token.find()).isTrue();
    var form = new StringBuilder("_csrf=" + token.group(1) + "&funn=colorectal-age-over-40");
    for (int i = 0; i + 1 < fields.length; i += 2) {
      form.append('&')
          .append(fields[i])
          .append('=')
          .append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
    }
    return send(
        browser,
        HttpRequest.newBuilder(uri("/henvisning/colorectal"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form.toString())));
  }

  private static String[] form(String fnr, String hpr) {
    return new String[] {
      "fodselsnummer", fnr,
      "navn", "Kari Testesen",
      "fraOrgnr", PRACTICE,
      "tilOrgnr", ColorectalHistory.ORGANISATION_NUMBER,
      "hpr", hpr
    };
  }

  @Test
  void the_gp_page_names_the_gp_by_hpr_number_and_the_gp_sees_the_pathway_it_started() {
    var fnr = TestPatients.next();
    for (var wrong : List.of("123", "0144900", "91449001234", "91449a0")) {
      var refused = writeOnPage(form(fnr, wrong));
      assertThat(refused.statusCode()).as(wrong).isEqualTo(400);
      assertThat(refused.body()).as(wrong).contains("id=\"problem-hpr\"");
    }
    for (var right : List.of("1000", "914490012")) {
      assertThat(writeOnPage(form(fnr, right)).statusCode()).as(right).isEqualTo(200);
    }

    var bundle = writeOnPage(form(fnr, GP_HPR));

    assertThat(bundle.statusCode()).isEqualTo(200);
    assertThat(bundle.body())
        .contains("\"PractitionerRole\"", "urn:oid:2.16.578.1.12.4.1.4.4", GP_HPR, "#requester");
    assertThat(postFhir(bundle.body().getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(200);
    var id =
        JSON.readTree(bundle.body())
            .path("entry")
            .get(3)
            .path("resource")
            .path("identifier")
            .get(0)
            .path("value")
            .asString();
    var task = task(tasks("gp"), UUID.fromString(id));
    assertThat(task.path("status").asString()).isEqualTo("accepted");
    assertThat(task.path("output").get(0).path("valueDate").asString())
        .as("started the day the GP wrote it (no receipt yet): today")
        .isEqualTo("2024-12-31");
    assertThat(task.path("businessStatus").path("text").asString())
        .isEqualTo("Henvisningen er mottatt og forløpet er startet (31.12.2024)");
  }

  @Test
  void the_gps_system_can_ask_for_one_referral_but_not_for_another_gps() {
    var fnr = TestPatients.next();
    var id = UUID.randomUUID();
    var other = UUID.randomUUID();
    assertThat(
            postFhir(
                    ReferralBundles.transaction(referral(id, fnr, GP_HPR))
                        .getBytes(StandardCharsets.UTF_8))
                .status())
        .isEqualTo(200);
    assertThat(
            postFhir(
                    ReferralBundles.transaction(referral(other, TestPatients.next(), OTHER_GP_HPR))
                        .getBytes(StandardCharsets.UTF_8))
                .status())
        .isEqualTo(200);

    var one =
        get(
            "/fhir/Task?based-on="
                + URLEncoder.encode(
                    ReferralBundles.IDENTIFIER_SYSTEM + "|" + id, StandardCharsets.UTF_8),
            AS,
            "gp");
    assertThat(one.status()).as(one.body()).isEqualTo(200);
    assertThat(one.json().path("entry")).hasSize(1);
    assertThat(task(one.json(), id).path("status").asString()).isEqualTo("accepted");
    var own =
        get(
            "/fhir/Task?requester="
                + URLEncoder.encode(
                    "urn:oid:2.16.578.1.12.4.1.4.4|" + GP_HPR, StandardCharsets.UTF_8),
            AS,
            "gp");
    assertThat(own.status()).isEqualTo(200);
    assertThat(own.body()).contains(id.toString()).doesNotContain(other.toString());

    var theirs = get("/fhir/Task?requester=" + OTHER_GP_HPR, AS, "gp");
    assertThat(theirs.status()).isEqualTo(403);
    assertThat(theirs.reason()).isEqualTo("NOT_YOUR_REFERRALS");
    assertThat(get("/fhir/Task", AS, "ehr").status())
        .as("the EHR integration cannot read the GPs' status")
        .isEqualTo(403);
    assertThat(get("/fhir/Task", AS, "kari").status()).isEqualTo(403);
    assertThat(get("/fhir/Task", AS, "nobody").status()).isEqualTo(401);
  }

  @Test
  void a_gp_sees_no_other_page_and_no_api() {
    for (var path : List.of("/worklist", "/dashboard", "/mdt", "/")) {
      assertThat(page("gp", path).statusCode()).as(path).isEqualTo(403);
    }
    assertThat(get("/api/v1/pathways/search", AS, "gp").status()).isEqualTo(403);
    assertThat(post("/fhir", "application/fhir+json", "{}".getBytes(), AS, "gp").status())
        .isEqualTo(403);
    assertThat(page("kari", "/fastlege").statusCode())
        .as("a coordinator has no GP page")
        .isEqualTo(403);
  }

  @Test
  void signing_in_a_gp_lands_on_their_own_page() {
    var client = signIn("gp");
    var landing = send(client, HttpRequest.newBuilder(uri("/fastlege")).GET());
    assertThat(landing.body()).contains("Per Lege", GP_HPR);
  }

  private JsonNode tasks(String user) {
    var answer = get("/fhir/Task", AS, user);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.json().path("resourceType").asString()).isEqualTo("Bundle");
    return answer.json();
  }

  private static JsonNode task(JsonNode bundle, UUID referral) {
    for (var entry : bundle.path("entry")) {
      var task = entry.path("resource");
      for (var basedOn : task.path("basedOn")) {
        if (basedOn.path("identifier").path("value").asString().equals(referral.toString())) {
          return task;
        }
      }
    }
    throw new AssertionError("no Task for " + referral + " in " + bundle);
  }

  /** The page's row of the patient's referral whose treatment has started. */
  private static String row(String page, String fnr) {
    var born = ReferralWording.DATE.format(PatientIdentifier.parse(fnr).birthDate());
    for (var row : page.split("<tr ")) {
      if (row.contains(born) && row.contains("data-progress=\"IN_TREATMENT\"")) {
        return row;
      }
    }
    throw new AssertionError("no row for the patient in " + page);
  }

  private HttpResponse<String> page(String user, String path) {
    return send(signIn(user), HttpRequest.newBuilder(uri(path)).GET());
  }

  private HttpClient signIn(String user) {
    var client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    var login = send(client, HttpRequest.newBuilder(uri("/login")).GET());
    var token = CSRF.matcher(login.body());
    assertThat(token.find()).isTrue();
    var signedIn =
        send(
            client,
            HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "username=" + user + "&password=demo&_csrf=" + token.group(1))));
    assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
    return client;
  }

  private HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) {
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
