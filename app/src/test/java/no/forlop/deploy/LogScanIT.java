package no.forlop.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import no.forlop.testing.ApplicationTest;
import no.forlop.testing.ColorectalHistory;
import no.forlop.testing.TestPatients;
import no.forlop.testing.TestUnits;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The log of a full intake holds no name and no identity number (issue 18, ADR 0045): FHIR
 * transactions and a batch, a bulk import of several patients with bad lines, a transaction refused
 * as a whole, a delivery that is not JSON, a patient whose fødselsnummer is invalid, a sign-in with
 * a fødselsnummer typed as the username, and a search for a patient — every name and number sent is
 * looked for in everything written to the console meanwhile (the log, whatever its format).
 */
@ExtendWith(OutputCaptureExtension.class)
class LogScanIT extends ApplicationTest {

  private static final String FHIR_JSON = "application/fhir+json";
  private static final String NDJSON = "application/fhir+ndjson";
  private static final String FNR = "urn:oid:2.16.578.1.12.4.1.4.1";
  private static final String DNR = "urn:oid:2.16.578.1.12.4.1.4.2";

  /** A person sent: the identity number, and the name in its parts. */
  private record Person(String number, String given, String family) {}

  private final List<Person> people = new ArrayList<>();
  private int names;

  @Test
  void a_full_intake_writes_no_name_and_no_identity_number_to_the_log(CapturedOutput output) {
    var organisation = "logscan-" + TestUnits.next();

    // a FHIR transaction: two patients with fødselsnummer, one with a D-nummer, and their histories
    var transaction = new ArrayList<Resource>();
    transaction.add(ColorectalHistory.organisation(organisation));
    for (var number : List.of(TestPatients.next(), TestPatients.next(), TestPatients.dNumber())) {
      transaction.addAll(history(person(number), organisation));
    }
    var stored = post("/fhir", FHIR_JSON, bundle(transaction, true), AS, "ehr");
    assertThat(stored.status()).as(stored.body()).isEqualTo(200);

    // a bulk import of five patients with names, and two bad lines that name a patient
    var lines = new ArrayList<String>();
    lines.add(ColorectalHistory.json(ColorectalHistory.organisation(organisation)));
    for (int i = 0; i < 5; i++) {
      history(person(TestPatients.next()), organisation)
          .forEach(r -> lines.add(ColorectalHistory.json(r)));
    }
    var bad = person(TestPatients.next());
    lines.add(
        "{\"resourceType\":\"Patient\",\"id\":\"x\",\"identifier\":[{\"system\":\""
            + FNR
            + "\",\"value\":\""
            + bad.number()
            + "\"}],\"name\":[{\"family\":\""
            + bad.family()
            + "\"}],\"birthDate\":\"not a date\"}");
    lines.add("{\"resourceType\":\"Patient\",\"name\":\"" + bad.given() + " " + bad.number());
    var job =
        post(
            "/api/v1/ingest/bulk?name=history.ndjson",
            NDJSON,
            String.join("\n", lines).getBytes(StandardCharsets.UTF_8),
            AS,
            "ehr");
    assertThat(job.status()).as(job.body()).isEqualTo(202);
    awaitDone(job.json().get("id").asString());

    // a transaction refused as a whole: a patient, and an encounter without its status
    var refusedPerson = person(TestPatients.next());
    var refused = new ArrayList<Resource>(patientAndBadEncounter(refusedPerson));
    var answer = post("/fhir", FHIR_JSON, bundle(refused, true), AS, "ehr");
    assertThat(answer.status()).as(answer.body()).isEqualTo(400);

    // a delivery that is not JSON, and a patient whose fødselsnummer has a wrong check digit
    var unreadable = person(TestPatients.next());
    var notJson =
        post(
            "/fhir",
            FHIR_JSON,
            ("Patient " + unreadable.given() + " " + unreadable.number())
                .getBytes(StandardCharsets.UTF_8),
            AS,
            "ehr");
    assertThat(notJson.status()).isEqualTo(400);
    var valid = TestPatients.next();
    var invalid = valid.substring(0, 10) + (char) ('0' + (valid.charAt(10) - '0' + 1) % 10);
    var wrongNumber = person(invalid);
    var create = post("/fhir/Patient", FHIR_JSON, json(patient(wrongNumber, FNR)), AS, "ehr");
    assertThat(create.status()).as(create.body()).isEqualTo(400);

    // a fødselsnummer typed as a username, and a search for a patient by number
    var typed = person(TestPatients.next());
    var signIn =
        get(
            "/api/v1/pathways/search",
            AS,
            "nobody",
            "Authorization",
            "Basic "
                + java.util.Base64.getEncoder()
                    .encodeToString(
                        (typed.number() + ":" + typed.family()).getBytes(StandardCharsets.UTF_8)));
    assertThat(signIn.status()).isEqualTo(401);
    assertThat(pathwaysOf(people.get(0).number()).status()).isEqualTo(200);

    // then: the intake was logged (the capture works) ...
    var log = output.getAll();
    assertThat(log).contains("Bulk import");
    // ... and none of the names and numbers sent is in it
    assertThat(people).hasSizeGreaterThanOrEqualTo(11);
    for (var person : people) {
      assertThat(log)
          .as("the log names a patient sent")
          .doesNotContain(person.number())
          .doesNotContain(person.given())
          .doesNotContain(person.family());
    }
  }

  @Test
  void a_database_error_does_not_repeat_the_values_that_caused_it() {
    var number = TestPatients.next();

    // when: a value breaks a unique key (the error PostgreSQL details with the key's value)
    var message =
        jdbc.execute(
            (org.springframework.jdbc.core.ConnectionCallback<String>)
                connection -> {
                  try (var statement = connection.createStatement()) {
                    statement.execute("create temporary table log_scan (k text primary key)");
                    statement.execute("insert into log_scan values ('" + number + "')");
                    statement.execute("insert into log_scan values ('" + number + "')");
                    return "no error";
                  } catch (java.sql.SQLException e) {
                    return e.getMessage();
                  } finally {
                    try (var drop = connection.createStatement()) {
                      drop.execute("drop table if exists log_scan");
                    }
                  }
                });

    // then: the exception (and so any log of it) says what, not with which value
    assertThat(message).contains("duplicate key").doesNotContain(number);
  }

  @org.springframework.beans.factory.annotation.Autowired
  private org.springframework.jdbc.core.JdbcTemplate jdbc;

  private Person person(String number) {
    names++;
    var person = new Person(number, "Loggny" + names + "veig", "Skannerud" + names + "sen");
    people.add(person);
    return person;
  }

  /** The person's colorectal history, the Patient with the name and the right kind of number. */
  private static List<Resource> history(Person person, String organisation) {
    var resources = new ArrayList<Resource>(ColorectalHistory.of(person.number(), organisation));
    var system = Integer.parseInt(person.number().substring(0, 1)) >= 4 ? DNR : FNR;
    resources.set(0, patient(person, system));
    return resources;
  }

  private static Patient patient(Person person, String system) {
    var patient = new Patient();
    patient.setId(ColorectalHistory.id(person.number(), "p"));
    patient.addIdentifier().setSystem(system).setValue(person.number());
    patient.addName().setFamily(person.family()).addGiven(person.given());
    return patient;
  }

  private static List<Resource> patientAndBadEncounter(Person person) {
    var encounter = new Encounter();
    encounter.setId(ColorectalHistory.id(person.number(), "e9"));
    encounter.setSubject(new Reference("Patient/" + ColorectalHistory.id(person.number(), "p")));
    return List.of(patient(person, FNR), encounter);
  }

  private static byte[] bundle(List<Resource> resources, boolean transaction) {
    var bundle = new Bundle();
    bundle.setType(transaction ? Bundle.BundleType.TRANSACTION : Bundle.BundleType.BATCH);
    for (var resource : resources) {
      bundle
          .addEntry()
          .setResource(resource)
          .getRequest()
          .setMethod(Bundle.HTTPVerb.PUT)
          .setUrl(resource.fhirType() + "/" + resource.getIdElement().getIdPart());
    }
    return json(bundle);
  }

  private static byte[] json(Resource resource) {
    return ColorectalHistory.json(resource).getBytes(StandardCharsets.UTF_8);
  }

  private void awaitDone(String job) {
    var deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      var progress = get("/api/v1/ingest/bulk/" + job, AS, "ehr").json();
      if (!progress.get("status").asString().equals("RUNNING")) {
        assertThat(progress.get("status").asString()).as(progress.toString()).isEqualTo("DONE");
        assertThat(progress.get("rejected").asInt()).as(progress.toString()).isEqualTo(2);
        return;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    throw new AssertionError("the bulk import did not finish");
  }
}
