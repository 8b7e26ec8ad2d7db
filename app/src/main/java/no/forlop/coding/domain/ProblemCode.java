package no.forlop.coding.domain;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Why a fact could not be used for a pathway: a stable code (English capitals, stored with the
 * problem and given to integrations) and the text for a person, in Norwegian bokmål (the default)
 * or English, from {@code messages-derivation.properties} and {@code
 * messages-derivation_en.properties} under {@code derivation.problem.<CODE>}. A code is retired,
 * never reused. The text follows the fact as its sender knows it ({@code ServiceRequest/sr1 has
 * …}); its arguments are ids, codes and dates, never personal data.
 */
public enum ProblemCode {
  /** {0} the patient's key. */
  PATIENT_NEVER_RECEIVED,
  /** A pathway referral that names no receiving organisation. */
  REFERRAL_WITHOUT_PERFORMER,
  /** {0} the organisation's key. */
  ORGANISATION_NEVER_RECEIVED,
  /** {0} the pathway code, {1} the catalogue's version. */
  UNKNOWN_PATHWAY_CODE,
  /** A referral with priority PK whose reason codes point to no pathway. */
  PK_REFERRAL_WITHOUT_PATHWAY,
  /** {0} the pathways the reason codes of a PK referral point to. */
  PK_REFERRAL_SEVERAL_PATHWAYS,
  /** {0} the medication's key. */
  MEDICATION_NEVER_RECEIVED,
  /** The pathway refused to open the instance. {0} the pathway's refusal (English). */
  PATHWAY_REFUSED,
  /** {0} the code, {1} its date, {2} the pathway's refusal (English). */
  CODE_REFUSED,
  /** A problem stored before problems had codes. {0} its text (English). */
  UNCODED;

  /** The base name of the message files. */
  public static final String BUNDLE = "messages-derivation";

  /** Norwegian bokmål, the default language of every text. */
  public static final Locale NORWEGIAN = Locale.forLanguageTag("nb");

  private static final ConcurrentHashMap<Locale, ResourceBundle> BUNDLES =
      new ConcurrentHashMap<>();

  /** The message key of the text. */
  public String key() {
    return "derivation.problem." + name();
  }

  /** The text with its arguments, in English for any English locale, else Norwegian bokmål. */
  public String text(Locale locale, List<String> args) {
    var language = "en".equals(locale.getLanguage()) ? Locale.ENGLISH : NORWEGIAN;
    var bundle =
        BUNDLES.computeIfAbsent(
            language,
            l ->
                ResourceBundle.getBundle(
                    BUNDLE,
                    l,
                    ResourceBundle.Control.getNoFallbackControl(
                        ResourceBundle.Control.FORMAT_PROPERTIES)));
    return new MessageFormat(bundle.getString(key()), language).format(args.toArray());
  }
}
