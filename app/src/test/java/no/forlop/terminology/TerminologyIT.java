package no.forlop.terminology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
import no.forlop.access.Actor;
import no.forlop.catalog.Milestone;
import no.forlop.pathway.PathwayService;
import no.forlop.pathway.PathwayView;
import no.forlop.patient.PatientIdentifier;
import no.forlop.terminology.domain.Concept;
import no.forlop.testing.ApplicationTest;
import no.forlop.testing.TestPatients;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A hospital's ConceptMap end to end: loaded over REST by an administrator, versioned and audited,
 * in force for the derivation of the next delivery (a local procedure code becomes surgery and a
 * biopsy, with the ConceptMap version in the code's trace), refused with every problem named in
 * Norwegian or English, and an earlier version put back in force.
 */
class TerminologyIT extends ApplicationTest {

  static final String LOCAL = "https://ehr.fjordby.example/codes/procedure";
  static final LocalDate AS_OF = LocalDate.parse("2024-06-30");

  @Autowired PathwayService pathways;
  @Autowired JdbcClient jdbc;

  static String conceptMap(String version, String surgeryCode, String biopsyCode) {
    return """
        {"resourceType": "ConceptMap", "url": "https://fjordby.example/fhir/ConceptMap/procedures",
         "version": "%s", "status": "active",
         "group": [{"source": "%s", "target": "%s", "element": [
           {"code": "%s", "target": [{"code": "SURGERY", "equivalence": "equivalent"}]},
           {"code": "%s", "target": [{"code": "BIOPSY", "equivalence": "equivalent"}]}]}]}
        """
        .formatted(version, LOCAL, Concept.SYSTEM, surgeryCode, biopsyCode);
  }

  private Response load(String json, String... headers) {
    return post(
        "/api/v1/terminology/concept-maps",
        "application/fhir+json",
        json.getBytes(StandardCharsets.UTF_8),
        headers);
  }

  /** A colorectal pathway up to its decision, then a biopsy and an operation in local codes. */
  static String transaction(String run, String fnr, String biopsyCode, String surgeryCode) {
    var base = "https://ehr.fjordby.example/fhir/";
    return """
        {"resourceType": "Bundle", "type": "transaction", "entry": [
         {"fullUrl": "%1$sPatient/p-%2$s", "request": {"method": "PUT", "url": "Patient/p-%2$s"},
          "resource": {"resourceType": "Patient", "id": "p-%2$s",
            "identifier": [{"system": "urn:oid:2.16.578.1.12.4.1.4.1", "value": "%3$s"}]}},
         {"fullUrl": "%1$sOrganization/org-hf1", "request": {"method": "PUT", "url": "Organization/org-hf1"},
          "resource": {"resourceType": "Organization", "id": "org-hf1",
            "identifier": [{"system": "urn:oid:2.16.578.1.12.4.1.4.101", "value": "910000012"}]}},
         {"fullUrl": "%1$sServiceRequest/sr-%2$s", "request": {"method": "PUT", "url": "ServiceRequest/sr-%2$s"},
          "resource": {"resourceType": "ServiceRequest", "id": "sr-%2$s", "status": "active",
            "intent": "order", "subject": {"reference": "Patient/p-%2$s"},
            "performer": [{"reference": "Organization/org-hf1"}],
            "authoredOn": "2024-03-01T14:05:00+01:00",
            "code": {"coding": [{"system": "urn:oid:2.16.578.1.12.4.1.1.8480", "code": "A12A"}]}}},
         {"fullUrl": "%1$sEncounter/e-%2$s", "request": {"method": "PUT", "url": "Encounter/e-%2$s"},
          "resource": {"resourceType": "Encounter", "id": "e-%2$s", "status": "finished",
            "class": {"system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "AMB"},
            "subject": {"reference": "Patient/p-%2$s"},
            "serviceProvider": {"reference": "Organization/org-hf1"},
            "period": {"start": "2024-03-11T09:00:00+01:00"}}},
         {"fullUrl": "%1$sProcedure/bx-%2$s", "request": {"method": "PUT", "url": "Procedure/bx-%2$s"},
          "resource": {"resourceType": "Procedure", "id": "bx-%2$s", "status": "completed",
            "subject": {"reference": "Patient/p-%2$s"},
            "performedDateTime": "2024-03-12T10:00:00+01:00",
            "code": {"coding": [{"system": "%4$s", "code": "%5$s"}]}}},
         {"fullUrl": "%1$sClinicalImpression/ci-%2$s", "request": {"method": "PUT", "url": "ClinicalImpression/ci-%2$s"},
          "resource": {"resourceType": "ClinicalImpression", "id": "ci-%2$s", "status": "completed",
            "subject": {"reference": "Patient/p-%2$s"}, "date": "2024-03-20T13:00:00+01:00",
            "finding": [{"itemCodeableConcept": {"coding": [
              {"system": "urn:oid:2.16.578.1.12.4.1.1.7110", "code": "C18.7"}]}}]}},
         {"fullUrl": "%1$sProcedure/op-%2$s", "request": {"method": "PUT", "url": "Procedure/op-%2$s"},
          "resource": {"resourceType": "Procedure", "id": "op-%2$s", "status": "completed",
            "subject": {"reference": "Patient/p-%2$s"},
            "performedDateTime": "2024-04-05T08:00:00+02:00",
            "code": {"coding": [{"system": "%4$s", "code": "%6$s"}]}}}]}
        """
        .formatted(base, run, fnr, LOCAL, biopsyCode, surgeryCode);
  }

  private PathwayView pathwayOf(String fnr) {
    var found =
        pathways.byPatient(PatientIdentifier.parse(fnr), AS_OF, new Actor("kari", "PATIENT_CARE"));
    assertThat(found).hasSize(1);
    return found.get(0);
  }

  private static PathwayView.Code treatment(PathwayView pathway) {
    return pathway.codes().stream()
        .filter(c -> c.milestone() == Milestone.TREATMENT_START)
        .findFirst()
        .orElseThrow();
  }

  private void deliver(String run, String fnr, String biopsyCode, String surgeryCode) {
    var answer =
        post(
            "/fhir",
            "application/fhir+json",
            transaction(run, fnr, biopsyCode, surgeryCode).getBytes(StandardCharsets.UTF_8),
            AS,
            "ehr");
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
  }

  @Test
  void a_local_procedure_code_becomes_surgery_and_a_biopsy_once_the_hospital_maps_it() {
    var run = UUID.randomUUID().toString().substring(0, 8);
    var surgeryCode = "OP-" + run;
    var biopsyCode = "BX-" + run;
    var version = "it-" + run;

    // before the map: the local codes mean nothing
    var before = TestPatients.next();
    deliver(run + "a", before, biopsyCode, surgeryCode);
    assertThat(pathwayOf(before).codes())
        .noneMatch(c -> c.milestone() == Milestone.TREATMENT_START);

    var loaded = load(conceptMap(version, surgeryCode, biopsyCode));
    assertThat(loaded.status()).as(loaded.body()).isEqualTo(201);
    assertThat(loaded.location()).endsWith("/api/v1/terminology/concept-maps/" + version);
    assertThat(loaded.json().get("active").asBoolean()).isTrue();
    assertThat(loaded.json().get("mappings").asInt()).isEqualTo(2);

    // a new delivery is derived with the map in force
    var fnr = TestPatients.next();
    deliver(run + "b", fnr, biopsyCode, surgeryCode);
    var pathway = pathwayOf(fnr);
    var fk = treatment(pathway);
    assertThat(fk.code()).isEqualTo("A12FK");
    assertThat(fk.date()).isEqualTo(LocalDate.parse("2024-04-05"));
    assertThat(fk.rule()).isEqualTo("TREATMENT-SURGERY");
    assertThat(fk.inputs())
        .containsEntry("concept", "SURGERY")
        .containsEntry("coding", LOCAL + "|" + surgeryCode)
        .containsEntry("terminology", "ConceptMap " + version);
    assertThat(pathway.milestones())
        .extracting(m -> m.type() + " " + m.date())
        .containsExactly("BIOPSY 2024-03-12");

    // and a re-derivation of everything brings the earlier delivery in line
    var reprocessed = post("/api/v1/ingest/reprocess", "{}");
    assertThat(reprocessed.status()).as(reprocessed.body()).isLessThan(300);
    assertThat(treatment(pathwayOf(before)).inputs())
        .containsEntry("terminology", "ConceptMap " + version);

    // the map is listed, readable as loaded, shown in the terminology in force, and audited
    assertThat(get("/api/v1/terminology/concept-maps").json().findValuesAsString("version"))
        .contains(version);
    var stored = get("/api/v1/terminology/concept-maps/" + version);
    assertThat(stored.status()).isEqualTo(200);
    assertThat(stored.json().get("resourceType").asString()).isEqualTo("ConceptMap");
    var current = get("/api/v1/terminology");
    assertThat(current.json().get("conceptMapVersion").asString()).isEqualTo(version);
    assertThat(current.json().get("mappings").findValuesAsString("code")).contains(surgeryCode);
    assertThat(
            jdbc.sql(
                    "select action from audit_event where resource = :r and actor = 'admin' order by id")
                .param("r", "ConceptMap/" + version)
                .query(String.class)
                .list())
        .containsExactly("CREATE", "UPDATE");
  }

  @Test
  void an_earlier_version_can_be_put_back_in_force_and_a_taken_version_is_refused() {
    var run = UUID.randomUUID().toString().substring(0, 8);
    var first = "it-first-" + run;
    var second = "it-second-" + run;
    assertThat(load(conceptMap(first, "A-" + run, "B-" + run)).status()).isEqualTo(201);
    assertThat(load(conceptMap(second, "C-" + run, "D-" + run)).status()).isEqualTo(201);

    var again = load(conceptMap(first, "A-" + run, "B-" + run));
    assertThat(again.status()).isEqualTo(201);
    assertThat(again.json().get("active").asBoolean()).isFalse();

    var taken = load(conceptMap(first, "X-" + run, "B-" + run), ENGLISH);
    assertThat(taken.status()).isEqualTo(409);
    assertThat(taken.reason()).isEqualTo("CONCEPT_MAP_VERSION_TAKEN");
    assertThat(taken.text()).contains(first).contains("new version");

    var activated = post("/api/v1/terminology/concept-maps/" + first + "/activation", "{}");
    assertThat(activated.status()).as(activated.body()).isEqualTo(200);
    assertThat(activated.json().get("active").asBoolean()).isTrue();
    assertThat(get("/api/v1/terminology").json().get("conceptMapVersion").asString())
        .isEqualTo(first);

    var unknown = post("/api/v1/terminology/concept-maps/no-such-version/activation", "{}");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.reason()).isEqualTo("CONCEPT_MAP_VERSION_NOT_FOUND");
  }

  static final String FAULTY =
      """
      {"resourceType": "ConceptMap", "status": "active",
       "group": [{"target": "http://snomed.info/sct", "element": [
         {"code": "OP-9", "target": [{"code": "OPERATION", "equivalence": "equivalent"}]},
         {"code": "OP-9", "target": [{"code": "OPERATION", "equivalence": "equivalent"}]}]}]}
      """;

  @Test
  void a_faulty_concept_map_is_refused_naming_every_problem_in_norwegian() {
    var refused = load(FAULTY);

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.contentType()).startsWith("application/fhir+json");
    var issues = refused.outcome().getIssue();
    assertThat(issues)
        .extracting(i -> i.getDetails().getCodingFirstRep().getCode())
        .containsExactly(
            "CONCEPT_MAP_VERSION_MISSING",
            "SOURCE_SYSTEM_MISSING",
            "TARGET_SYSTEM_NOT_CONCEPTS",
            "UNKNOWN_TARGET_CONCEPT",
            "UNKNOWN_TARGET_CONCEPT");
    assertThat(issues.get(0).getDetails().getText()).contains("mangler versjon");
    assertThat(issues.get(3).getDetails().getText())
        .contains("«OPERATION» er ikke et av Forløps begreper")
        .contains("SURGERY");
    assertThat(issues.get(3).getExpression().get(0).getValue())
        .isEqualTo("ConceptMap.group[0].element[0].target[0].code");
  }

  @Test
  void a_faulty_concept_map_is_refused_in_english_on_request() {
    var refused = load(FAULTY, ENGLISH);

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.reason()).isEqualTo("CONCEPT_MAP_VERSION_MISSING");
    assertThat(refused.text()).contains("has no version");
    assertThat(refused.outcome().getIssue().get(3).getDetails().getText())
        .contains("\"OPERATION\" is not one of the concepts of Forløp");

    var unreadable = load("{\"resourceType\": \"Patient\"}", ENGLISH);
    assertThat(unreadable.status()).isEqualTo(400);
    assertThat(unreadable.reason()).isEqualTo("UNREADABLE_CONCEPT_MAP");
    assertThat(unreadable.diagnostics()).isNotBlank();
  }

  @Test
  void only_an_administrator_loads_a_concept_map_and_staff_read_the_terminology() {
    var map = conceptMap("it-denied", "E-1", "F-1");

    assertThat(load(map, AS, "kari").status()).isEqualTo(403);
    assertThat(load(map, AS, "ehr").status()).isEqualTo(403);
    assertThat(load(map, AS, "nobody").status()).isEqualTo(401);
    assertThat(get("/api/v1/terminology/concept-maps/it-denied").status()).isEqualTo(404);

    var read = get("/api/v1/terminology", AS, "kari");
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.json().get("concepts").toString()).contains("SURGERY", "BIOPSY");
    assertThat(read.json().get("conceptSystem").asString()).isEqualTo(Concept.SYSTEM);
  }
}
