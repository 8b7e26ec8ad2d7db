package no.forlop.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import no.forlop.access.Actor;
import no.forlop.access.Role;
import no.forlop.access.User;
import no.forlop.access.Users;
import no.forlop.patient.PatientIdentifier;
import org.junit.jupiter.api.Test;

/** Reading a patient's audit trail: refused alike for other units and unknown patients. */
class AuditTrailTest {

  static final String PATIENT = no.forlop.testing.TestPatients.next();
  static final UUID PATHWAY = UUID.fromString("00000000-0000-0000-0000-000000000001");
  static final Actor LISE = new Actor("lise", "QUALITY", Set.of("910000012"));

  private final AuditLog log = mock(AuditLog.class);
  private final PatientPathways pathways = mock(PatientPathways.class);
  private final Users users = mock(Users.class);
  private final AuditTrail trail = new AuditTrail(log, pathways, users);

  private static AuditEntry entry(String actor, String resource) {
    return new AuditEntry(
        7,
        Instant.parse("2024-12-31T09:00:00Z"),
        actor,
        "PATIENT_CARE",
        AuditAction.READ,
        PATIENT,
        resource,
        null);
  }

  private static PatientIdentifier patient() {
    return PatientIdentifier.parse(PATIENT);
  }

  @Test
  void a_leader_of_the_patients_unit_reads_the_entries_of_the_unit_and_the_read_is_recorded() {
    when(pathways.organisationsOf(PATIENT)).thenReturn(Map.of(PATHWAY, "910000012"));
    var kari = entry("kari", "pathway/" + PATHWAY);
    var nina = entry("nina", "pathways-of-patient");
    when(log.forPatient(PATIENT)).thenReturn(List.of(kari, nina));
    when(users.find("kari")).thenReturn(Optional.of(user("kari", "910000012")));
    when(users.find("nina")).thenReturn(Optional.of(user("nina", "910000020")));

    assertThat(trail.read(patient(), LISE)).containsExactly(kari);

    var order = inOrder(log);
    order.verify(log).forPatient(PATIENT);
    order.verify(log).record(LISE, AuditAction.READ, PATIENT, "audit-log", null);
  }

  @Test
  void a_patient_of_another_unit_and_an_unknown_patient_are_refused_alike_and_nothing_is_read() {
    when(pathways.organisationsOf(PATIENT)).thenReturn(Map.of(PATHWAY, "910000020"));
    var other = catchRefusal();
    when(pathways.organisationsOf(PATIENT)).thenReturn(Map.of());
    var unknown = catchRefusal();

    assertThat(other).isInstanceOf(AuditTrail.NotAllowedException.class);
    assertThat(unknown).isInstanceOf(AuditTrail.NotAllowedException.class);
    assertThat(unknown.getMessage()).isEqualTo(other.getMessage()).doesNotContain(PATIENT);
    verify(log, never()).forPatient(any());
    verify(log, never()).record(any(), any(), any(), any(), any());
  }

  private Throwable catchRefusal() {
    try {
      trail.read(patient(), LISE);
    } catch (AuditTrail.NotAllowedException e) {
      return e;
    }
    throw new AssertionError("not refused");
  }

  @Test
  void the_refusal_carries_no_detail() {
    when(pathways.organisationsOf(PATIENT)).thenReturn(Map.of());
    assertThatThrownBy(() -> trail.read(patient(), LISE))
        .isInstanceOf(AuditTrail.NotAllowedException.class)
        .hasMessage("not allowed to read this audit trail");
  }

  private static User user(String name, String unit) {
    return new User(name, name, null, Set.of(Role.COORDINATOR), List.of(unit));
  }
}
