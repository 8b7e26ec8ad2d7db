package no.forlop.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import no.forlop.access.Actor;
import org.junit.jupiter.api.Test;

/** Who may read a patient's audit trail, and which entries they see (ADR 0024). */
class AuditTrailScopeTest {

  static final String FJORDBY = "910000012";
  static final String NORDVIK = "910000020";
  static final UUID AT_FJORDBY = UUID.fromString("00000000-0000-0000-0000-00000000000f");
  static final UUID AT_NORDVIK = UUID.fromString("00000000-0000-0000-0000-00000000000a");

  static final Actor FJORDBY_LEADER = new Actor("leader-f", "QUALITY", Set.of(FJORDBY));
  static final Actor BOTH_LEADER = new Actor("leader-b", "QUALITY", Set.of(FJORDBY, NORDVIK));

  /** kari works at Fjordby, nina at Nordvik, ehr and system components have no unit. */
  static final Function<String, Optional<Set<String>>> UNITS =
      actor ->
          switch (actor) {
            case "kari", "leader-f" -> Optional.of(Set.of(FJORDBY));
            case "nina" -> Optional.of(Set.of(NORDVIK));
            case "ehr" -> Optional.of(Set.of());
            default -> Optional.empty();
          };

  private static AuditEntry entry(String actor, String resource) {
    return new AuditEntry(
        1,
        Instant.parse("2024-12-31T10:00:00Z"),
        actor,
        "PATIENT_CARE",
        AuditAction.READ,
        no.forlop.testing.TestPatients.next(),
        resource,
        null);
  }

  @Test
  void a_reader_of_a_unit_the_patient_has_a_pathway_in_may_read() {
    assertThat(AuditTrailScope.mayRead(FJORDBY_LEADER, Map.of(AT_FJORDBY, FJORDBY))).isTrue();
    assertThat(
            AuditTrailScope.mayRead(
                FJORDBY_LEADER, Map.of(AT_FJORDBY, FJORDBY, AT_NORDVIK, NORDVIK)))
        .isTrue();
  }

  @Test
  void a_patient_of_other_units_only_and_an_unknown_patient_are_refused_alike() {
    assertThat(AuditTrailScope.mayRead(FJORDBY_LEADER, Map.of(AT_NORDVIK, NORDVIK))).isFalse();
    assertThat(AuditTrailScope.mayRead(FJORDBY_LEADER, Map.of())).isFalse();
  }

  @Test
  void a_user_of_no_unit_reads_no_trail_and_a_system_component_reads_a_known_patients() {
    var ehr = new Actor("ehr", "INTEGRATION", Set.of());
    assertThat(AuditTrailScope.mayRead(ehr, Map.of(AT_FJORDBY, FJORDBY))).isFalse();
    var system = Actor.system("replay");
    assertThat(AuditTrailScope.mayRead(system, Map.of(AT_NORDVIK, NORDVIK))).isTrue();
    assertThat(AuditTrailScope.mayRead(system, Map.of())).isFalse();
  }

  @Test
  void entries_about_a_pathway_are_shown_only_for_the_readers_units() {
    var pathways = Map.of(AT_FJORDBY, FJORDBY, AT_NORDVIK, NORDVIK);
    var own = entry("nina", "pathway/" + AT_FJORDBY);
    var ownPlan = entry("ehr", "pathway/" + AT_FJORDBY + "/plan");
    var other = entry("kari", "pathway/" + AT_NORDVIK);
    var otherWhole = entry("system:derivation", "pathway/" + AT_NORDVIK + "/whole");
    var notThePatients = entry("kari", "pathway/" + UUID.randomUUID());

    var seen =
        AuditTrailScope.visible(
            List.of(own, ownPlan, other, otherWhole, notThePatients),
            FJORDBY_LEADER,
            pathways,
            UNITS);

    // the pathway decides, not who acted: nina reading a Fjordby pathway is Fjordby's business
    assertThat(seen).containsExactly(own, ownPlan);
  }

  @Test
  void other_entries_are_shown_when_their_actor_is_of_the_readers_units_or_of_no_unit() {
    var colleague = entry("kari", "pathways-of-patient");
    var otherTrust = entry("nina", "pathways-of-patient");
    var integration = entry("ehr", "Bundle");
    var system = entry("system:derivation", "derivation");
    var removedUser = entry("someone-who-left", "worklist");
    var readersOwn = entry("leader-f", "audit-log");

    var seen =
        AuditTrailScope.visible(
            List.of(colleague, otherTrust, integration, system, removedUser, readersOwn),
            FJORDBY_LEADER,
            Map.of(AT_FJORDBY, FJORDBY),
            UNITS);

    assertThat(seen).containsExactly(colleague, integration, system, removedUser, readersOwn);
  }

  @Test
  void a_reader_of_both_units_sees_both() {
    var pathways = Map.of(AT_FJORDBY, FJORDBY, AT_NORDVIK, NORDVIK);
    var entries =
        List.of(
            entry("kari", "pathway/" + AT_FJORDBY),
            entry("nina", "pathway/" + AT_NORDVIK),
            entry("nina", "pathways-of-patient"));

    assertThat(AuditTrailScope.visible(entries, BOTH_LEADER, pathways, UNITS))
        .containsExactlyElementsOf(entries);
  }
}
