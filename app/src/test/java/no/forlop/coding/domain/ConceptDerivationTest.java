package no.forlop.coding.domain;

import static no.forlop.coding.domain.Facts.HF1;
import static no.forlop.coding.domain.Facts.aPatient;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import no.forlop.catalog.Milestone;
import no.forlop.coding.RuleSetLoader;
import no.forlop.pathway.CodeState;
import no.forlop.terminology.domain.Concept;
import no.forlop.terminology.domain.ConceptMapping;
import no.forlop.terminology.domain.Terminology;
import org.junit.jupiter.api.Test;

/**
 * Treatment and biopsy by the concepts their codes mean: SNOMED CT and NCMP by default, a
 * hospital's local codes through its ConceptMap, nothing for an unmapped code, and only a proposal
 * through an unverified default. Every such code's trace says which terminology matched it.
 */
class ConceptDerivationTest {

  static final String NKPK = "urn:oid:2.16.578.1.12.4.1.1.7275";
  static final String LOCAL = "https://ehr.fjordby.example/codes/procedure";

  static Facts decided() {
    return aPatient()
        .referral("sr1", "A12A", "2024-03-01", null, HF1)
        .task("t1", "sr1", "received", "2024-03-04", HF1)
        .encounter("e1", "finished", "AMB", HF1, "2024-03-11")
        .diagnosis("ci1", "2024-03-20", "Encounter/e1", "C18.7");
  }

  static DerivationResult.Instance derive(Terminology terminology, Facts facts) {
    var result =
        new Derivation(DerivationTest.CATALOGUE, RuleSetLoader.bundled(), terminology)
            .derive(facts.build());
    assertThat(result.instances()).hasSize(1);
    return result.instances().get(0);
  }

  static DerivationResult.Code treatment(DerivationResult.Instance instance) {
    return instance.codes().stream()
        .filter(c -> c.milestone() == Milestone.TREATMENT_START)
        .findFirst()
        .orElseThrow();
  }

  static Terminology withLocalMap() {
    return DerivationTest.TERMINOLOGY.with(
        "2025-1",
        List.of(
            new ConceptMapping(
                Concept.SURGERY, LOCAL, "OP-1", null, false, true, "ConceptMap 2025-1", null, null),
            new ConceptMapping(
                Concept.BIOPSY,
                LOCAL,
                "BX-1",
                null,
                false,
                true,
                "ConceptMap 2025-1",
                null,
                null)));
  }

  @Test
  void surgery_coded_in_snomed_ct_starts_treatment_as_before_with_the_terminology_in_its_trace() {
    var fk =
        treatment(
            derive(
                DerivationTest.TERMINOLOGY,
                decided().procedure("op1", "387713003", "2024-04-05", null)));

    assertThat(fk.key()).isEqualTo("FK");
    assertThat(fk.state()).isEqualTo(CodeState.REGISTERED);
    assertThat(fk.inputs())
        .containsEntry("concept", "SURGERY")
        .containsEntry("coding", "http://snomed.info/sct|387713003")
        .containsEntry("terminology", DerivationTest.TERMINOLOGY.defaultLabel());
  }

  @Test
  void drug_treatment_coded_in_ncmp_starts_treatment_fm() {
    var fm =
        treatment(
            derive(
                DerivationTest.TERMINOLOGY,
                decided().procedureCoded("kjemo1", NKPK, "WBOC05", "2024-04-02")));

    assertThat(fm.key() + " " + fm.date() + " " + fm.state()).isEqualTo("FM 2024-04-02 REGISTERED");
    assertThat(fm.rule()).isEqualTo("TREATMENT-DRUG");
    assertThat(fm.inputs()).containsEntry("coding", NKPK + "|WBOC05");
  }

  @Test
  void a_local_procedure_code_counts_as_surgery_and_biopsy_once_the_concept_map_says_so() {
    var facts =
        decided()
            .procedureCoded("bx1", LOCAL, "BX-1", "2024-03-12")
            .procedureCoded("op1", LOCAL, "OP-1", "2024-04-05");

    var without = derive(DerivationTest.TERMINOLOGY, facts);
    assertThat(without.codes()).noneMatch(c -> c.milestone() == Milestone.TREATMENT_START);
    assertThat(without.milestones()).isEmpty();

    var with = derive(withLocalMap(), facts);
    var fk = treatment(with);
    assertThat(fk.key() + " " + fk.date() + " " + fk.state()).isEqualTo("FK 2024-04-05 REGISTERED");
    assertThat(fk.inputs())
        .containsEntry("terminology", "ConceptMap 2025-1")
        .containsEntry("coding", LOCAL + "|OP-1");
    assertThat(with.milestones())
        .extracting(m -> m.type() + " " + m.date())
        .containsExactly("BIOPSY 2024-03-12");
  }

  @Test
  void an_unmapped_procedure_code_starts_nothing() {
    var instance =
        derive(withLocalMap(), decided().procedureCoded("op1", NKPK, "JFB30", "2024-04-05"));

    assertThat(instance.codes()).noneMatch(c -> c.milestone() == Milestone.TREATMENT_START);
  }

  @Test
  void a_treatment_through_an_unverified_default_mapping_is_only_proposed_with_the_reason() {
    var unverified =
        Terminology.defaults(
            "test",
            List.of(
                new ConceptMapping(
                    Concept.SURGERY, NKPK, null, "JF", false, false, "default test", "s", "n")));

    var fk =
        treatment(derive(unverified, decided().procedureCoded("op1", NKPK, "JFB30", "2024-04-05")));

    assertThat(fk.key() + " " + fk.state()).isEqualTo("FK PROPOSED");
    assertThat(fk.note().key()).isEqualTo(DerivationNote.UNVERIFIED_MAPPING.key());
    assertThat(fk.note().english())
        .contains("unverified default mapping")
        .contains(NKPK + "|JFB30");
    assertThat(fk.inputs()).containsEntry("mappingVerified", "false");
  }

  @Test
  void a_biopsy_through_an_unverified_default_mapping_is_not_tracked() {
    var unverified =
        Terminology.defaults(
            "test",
            List.of(
                new ConceptMapping(
                    Concept.BIOPSY, NKPK, null, "JFA", false, false, "default test", "s", "n")));

    var instance = derive(unverified, decided().procedureCoded("bx1", NKPK, "JFA15", "2024-03-12"));

    assertThat(instance.milestones()).isEmpty();
  }

  // --- first attendance: the encounter's class by default, the hospital's visit types by its map

  static final String VISIT_TYPES = "https://ehr.fjordby.example/codes/visit-type";

  static Facts started() {
    return aPatient()
        .referral("sr1", "A12A", "2024-03-01", null, HF1)
        .task("t1", "sr1", "received", "2024-03-04", HF1);
  }

  static java.util.Optional<DerivationResult.Code> firstAttendance(
      Terminology terminology, Facts facts) {
    return derive(terminology, facts).codes().stream()
        .filter(c -> c.milestone() == Milestone.FIRST_ATTENDANCE)
        .findFirst();
  }

  static Terminology withVisitTypes() {
    return DerivationTest.TERMINOLOGY.with(
        "2025-2",
        List.of(
            // a video consultation the hospital counts as first attendance
            new ConceptMapping(
                Concept.FIRST_ATTENDANCE,
                VISIT_TYPES,
                "VIDEO-FORSTE",
                null,
                false,
                true,
                "ConceptMap 2025-2",
                null,
                null),
            // a telephone consultation is no attendance, whatever its class
            new ConceptMapping(
                Concept.FIRST_ATTENDANCE,
                VISIT_TYPES,
                "TLF",
                null,
                true,
                true,
                "ConceptMap 2025-2",
                null,
                null)));
  }

  @Test
  void an_outpatient_visit_is_the_first_attendance_by_its_class_as_before() {
    var code =
        firstAttendance(
                DerivationTest.TERMINOLOGY,
                started().encounter("e1", "finished", "AMB", HF1, "2024-03-11"))
            .orElseThrow();

    assertThat(code.date()).hasToString("2024-03-11");
    assertThat(code.inputs())
        .containsEntry("class", "AMB")
        .containsEntry("concept", "FIRST_ATTENDANCE")
        .containsEntry("coding", "http://terminology.hl7.org/CodeSystem/v3-ActCode|AMB")
        .containsEntry("terminology", DerivationTest.TERMINOLOGY.defaultLabel());
  }

  @Test
  void a_visit_type_the_hospital_maps_counts_and_without_its_map_it_does_not() {
    var facts =
        started().encounterOfType("e1", "VR", VISIT_TYPES, "VIDEO-FORSTE", HF1, "2024-03-08");

    var mapped = firstAttendance(withVisitTypes(), facts);
    var unmapped = firstAttendance(DerivationTest.TERMINOLOGY, facts);

    assertThat(mapped).get().satisfies(c -> assertThat(c.date()).hasToString("2024-03-08"));
    assertThat(mapped.get().inputs()).containsEntry("terminology", "ConceptMap 2025-2");
    assertThat(unmapped).isEmpty();
  }

  @Test
  void a_telephone_consultation_the_hospital_excludes_is_no_attendance_even_of_class_amb() {
    var facts =
        started()
            .encounterOfType("e1", "AMB", VISIT_TYPES, "TLF", HF1, "2024-03-06")
            .encounter("e2", "finished", "AMB", HF1, "2024-03-11");

    var withMap = firstAttendance(withVisitTypes(), facts).orElseThrow();
    var withoutMap = firstAttendance(DerivationTest.TERMINOLOGY, facts).orElseThrow();

    assertThat(withMap.date()).hasToString("2024-03-11");
    assertThat(withMap.sources()).containsExactly("Encounter/e2");
    assertThat(withoutMap.date()).hasToString("2024-03-06");
  }
}
