package no.forlop.audit;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import no.forlop.access.Actor;
import no.forlop.access.Users;
import no.forlop.patient.PatientIdentifier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Understands who may read a patient's audit trail and what they see of it ({@link
 * AuditTrailScope}, ADR 0024). Reading the trail is itself recorded.
 */
@Service
public class AuditTrail {

  private final AuditLog log;
  private final PatientPathways pathways;
  private final Users users;

  AuditTrail(AuditLog log, PatientPathways pathways, Users users) {
    this.log = log;
    this.pathways = pathways;
    this.users = users;
  }

  /**
   * The entries of the patient's trail the reader sees, oldest first.
   *
   * @throws NotAllowedException when the patient has no pathway in the reader's units (also when
   *     Forløp does not know the patient: the two are not told apart)
   */
  @Transactional
  public List<AuditEntry> read(PatientIdentifier patient, Actor reader) {
    var ofPatient = pathways.organisationsOf(patient.value());
    if (!AuditTrailScope.mayRead(reader, ofPatient)) {
      throw new NotAllowedException();
    }
    var entries =
        AuditTrailScope.visible(log.forPatient(patient.value()), reader, ofPatient, this::unitsOf);
    log.record(reader, AuditAction.READ, patient.value(), "audit-log", null);
    return entries;
  }

  private Optional<Set<String>> unitsOf(String actor) {
    return users.find(actor).map(u -> Set.copyOf(u.units()));
  }

  /** The reader may not read this patient's trail. Carries no detail on purpose. */
  public static class NotAllowedException extends RuntimeException {
    NotAllowedException() {
      super("not allowed to read this audit trail");
    }
  }
}
