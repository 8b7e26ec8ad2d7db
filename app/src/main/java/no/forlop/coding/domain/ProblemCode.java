package no.forlop.coding.domain;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;
import no.forlop.pathway.Remark;

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
  /**
   * The pathway refused to open the instance. {0} the pathway's refusal: its message key, followed
   * by that message's arguments.
   */
  PATHWAY_REFUSED(0),
  /**
   * {0} the code, {1} its date, {2} the pathway's refusal: its message key, followed by that
   * message's arguments.
   */
  CODE_REFUSED(2),
  /**
   * A cancer treatment in a pathway with no clinical decision (here, or at the trust that
   * transferred the patient here). {0} the treatment code it would be, {1} its date.
   */
  TREATMENT_WITHOUT_DECISION,
  /**
   * Not a problem but a choice: a referral to another trust only for an examination or advice is no
   * transfer and no pathway referral (no O at the sender, no instance at the receiver). {0} the
   * code as sent, {1} the concept it means, {2} the terminology. Listed as ignored, not rejected.
   */
  REFERRAL_FOR_EXAMINATION_OR_ADVICE,
  /**
   * Not a problem but a choice: a referral to a private clinic or abroad outside the pathway is no
   * transfer and no pathway referral (no O at the sender, no instance at the receiver; the sender's
   * pathway is proposed to end, X). {0} the code as sent, {1} the concept it means, {2} the
   * terminology. Listed as ignored, not rejected.
   */
  REFERRAL_OUTSIDE_PATHWAY,
  /**
   * The patient declined a procedure (its statusReason), but the EHR gives no day it happened, so
   * the pathway's end (X) cannot be dated. {0} the reason code as sent.
   */
  DECLINED_WITHOUT_DATE,
  /**
   * A cancer treatment dated before the pathway's clinical decision, with no treatment after it:
   * the coding rules put treatment start after the decision. {0} the treatment code it would be,
   * {1} its date, {2} the decision's code, {3} the decision's date.
   */
  TREATMENT_BEFORE_DECISION,
  /**
   * Not a problem but a choice: a treatment after a clinical decision that gives no treatment in
   * this pathway (CM, CA, CI: other cancer, other disease, nothing found) belongs to another
   * pathway or none. {0} the treatment code it would be, {1} its date, {2} the decision's code.
   * Listed as ignored, not rejected.
   */
  TREATMENT_AFTER_DECISION_WITHOUT_TREATMENT,
  /** A problem stored before problems had codes. {0} its text (English). */
  UNCODED;

  /**
   * Where the arguments hold a remark of the pathway's (its key, then its arguments, to the end),
   * or -1. Stored before remarks had keys, the place holds the remark's English text alone.
   */
  private final int remarkAt;

  ProblemCode() {
    this(-1);
  }

  ProblemCode(int remarkAt) {
    this.remarkAt = remarkAt;
  }

  /** The arguments of a problem of this code whose text ends in this remark. */
  public List<String> withRemark(List<String> args, Remark remark) {
    if (remarkAt != args.size()) {
      throw new IllegalArgumentException(this + " takes its remark as argument " + remarkAt);
    }
    var all = new java.util.ArrayList<>(args);
    all.add(java.util.Objects.requireNonNull(remark.key()));
    all.addAll(remark.args());
    return List.copyOf(all);
  }

  /** The base name of the message files. */
  public static final String BUNDLE = "messages-derivation";

  /** Norwegian bokmål, the default language of every text. */
  public static final Locale NORWEGIAN = Locale.forLanguageTag("nb");

  private static final ConcurrentHashMap<Locale, ResourceBundle> BUNDLES =
      new ConcurrentHashMap<>();

  /**
   * Whether the fact was left out on purpose, by a rule (listed as ignored), rather than because it
   * could not be used (rejected).
   */
  public boolean ignored() {
    return this == REFERRAL_FOR_EXAMINATION_OR_ADVICE
        || this == REFERRAL_OUTSIDE_PATHWAY
        || this == TREATMENT_AFTER_DECISION_WITHOUT_TREATMENT;
  }

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
    return new MessageFormat(bundle.getString(key()), language)
        .format(withRemarkText(args, language).toArray());
  }

  private List<String> withRemarkText(List<String> args, Locale language) {
    if (remarkAt < 0 || args.size() <= remarkAt) {
      return args;
    }
    var key = args.get(remarkAt);
    var rest = args.subList(remarkAt + 1, args.size());
    var text =
        rest.isEmpty() && Remark.pattern(key, language) == null
            ? key // stored before remarks had keys: the English text
            : new Remark(key, rest).text(language);
    var all = new java.util.ArrayList<>(args.subList(0, remarkAt));
    all.add(text);
    return all;
  }
}
