package no.forlop.access;

/** What a user may do. */
public enum Role {
  /** Forløpskoordinator: the worklist, codes, MDT lists, the patient's plan. */
  COORDINATOR,
  /** Clinician: sees the pathways of their units, records MDT decisions. */
  CLINICIAN,
  /** Leader or analyst: compliance and statistics for their units. */
  LEADER,
  /** Administrator: the catalogue, reprocessing, the pull connector. */
  ADMINISTRATOR,
  /** An EHR system: sends events (FHIR, bulk); sees no pages. */
  INTEGRATION,
  /**
   * A monitoring system (Prometheus): reads the metrics ({@code /actuator/prometheus}) and nothing
   * else; no patient data (ADR 0045).
   */
  MONITORING,
  /**
   * Fastlege/henviser: a GP (HPR number, practice) who sees the status of the pathways of the
   * patients they referred, and only those; no hospital unit (issue 17, ADR 0043).
   */
  GP;

  /** The Spring Security authority of the role. */
  public String authority() {
    return "ROLE_" + name();
  }
}
