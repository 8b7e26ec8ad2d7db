package no.forlop.terminology.domain;

import java.util.Arrays;
import java.util.List;

/**
 * Understands what a procedure or assessment means to Forløp, whatever code system the EHR used:
 * the derivation rules match on these concepts, and the terminology maps codes (system, code) to
 * them. The codes of Forløp's own code system {@value #SYSTEM}, the target of a hospital's
 * ConceptMap.
 */
public enum Concept {
  /** A surgical procedure (kirurgisk behandling): starts cancer treatment FK. */
  SURGERY,
  /** A biopsy taken (biopsi tatt): the tracked milestone BIOPSY. */
  BIOPSY,
  /** Radiotherapy (strålebehandling): starts cancer treatment FS. */
  RADIOTHERAPY,
  /** Drug treatment of cancer given as a procedure (medikamentell behandling): FM. */
  DRUG_TREATMENT,
  /** A treatment procedure in mental-health or substance-use care: the treatment start. */
  MENTAL_HEALTH_TREATMENT,
  /** An evaluation of treatment (evaluering) in mental-health or substance-use care. */
  EVALUATION,
  /**
   * A visit or stay that counts as first attendance (første fremmøte): by default an outpatient
   * visit or an admission (encounter class AMB, IMP); a hospital may add its own visit types, or
   * say that one is none (a telephone consultation).
   */
  FIRST_ATTENDANCE,
  /**
   * A referral only for a particular examination (imaging, a laboratory test) at another trust, the
   * responsibility for the patient staying with the sender: no transfer (O).
   */
  EXAMINATION_ONLY,
  /**
   * A referral only for advice or a second opinion from another trust, the responsibility for the
   * patient staying with the sender: no transfer (O).
   */
  ADVICE_ONLY,
  /**
   * Active surveillance without treatment (aktiv overvåking uten behandling), as decided in the
   * conversation with the patient: the treatment start FO, dated that conversation.
   */
  SURVEILLANCE,
  /**
   * No treatment (ingen behandling), as decided in the conversation with the patient: the treatment
   * start FI, dated that conversation.
   */
  NO_TREATMENT,
  /**
   * Symptom-relieving (palliative) treatment (symptomlindrende behandling): the treatment start FL.
   */
  PALLIATIVE,
  /**
   * The patient declined (pasienten takker nei), as the reason a procedure was not done: the
   * pathway is stopped (X, proposed), dated the day the patient declined.
   */
  PATIENT_DECLINED,
  /**
   * A referral to a private clinic or abroad that is not part of the pathway (privat
   * behandlingssted eller utlandet, utenfor pakkeforløpet): no transfer (O) but the pathway stopped
   * (X, proposed).
   */
  OUTSIDE_PATHWAY;

  /** The canonical URL of Forløp's concept code system. */
  public static final String SYSTEM = "https://forlop.no/fhir/CodeSystem/concept";

  /** The names of every concept, for messages that list them. */
  public static List<String> names() {
    return Arrays.stream(values()).map(Enum::name).toList();
  }

  /** Whether a text is the name of a concept. */
  public static boolean isConcept(String name) {
    return names().contains(name);
  }
}
