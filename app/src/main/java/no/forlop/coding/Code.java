package no.forlop.coding;

import java.util.Locale;

/**
 * A code from a code system, as the EHR sent it (system URI or OID, and the code). ICD-10 codes are
 * kept as sent; {@link #icd10Normalised()} gives the catalogue's form.
 */
public record Code(String system, String code) {

  public static final String PATHWAY_CODES = "urn:oid:2.16.578.1.12.4.1.1.8480";
  public static final String REFERRAL_PRIORITY = "urn:oid:2.16.578.1.12.4.1.1.8306";
  public static final String ICD10 = "urn:oid:2.16.578.1.12.4.1.1.7110";
  public static final String PROCEDURES = "urn:oid:2.16.578.1.12.4.1.1.7275";
  public static final String SNOMED = "http://snomed.info/sct";
  public static final String ATC = "http://www.whocc.no/atc";

  /**
   * Forløp's own system for the questionnaire a QuestionnaireResponse answers: the code is the
   * questionnaire's canonical URL without its version ({@code https://forlop.no/fhir/Questionnaire/
   * evaluering}, not {@code …|1.0}). Not a FHIR code system: it only carries the canonical as the
   * kind of an assessment (docs/rules.md, MH-EVALUATION).
   */
  public static final String QUESTIONNAIRE = "urn:forlop:questionnaire";

  /** A canonical URL without its version ({@code url|1.0} → {@code url}), trimmed. */
  public static String canonicalWithoutVersion(String canonical) {
    var bar = canonical.indexOf('|');
    return (bar < 0 ? canonical : canonical.substring(0, bar)).strip();
  }

  public boolean is(String system, String code) {
    return this.system.equals(system) && this.code.equals(code);
  }

  public String icd10Normalised() {
    return code.replace(".", "").trim().toUpperCase(Locale.ROOT);
  }
}
