package no.forlop.access;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Why a person or system reads or changes patient data (Normen requires it to be logged with every
 * access): a closed list. A request names it in {@code X-Forlop-Purpose} by our code or by the HL7
 * v3 ActReason code (the purpose-of-use codes Norsk helsenett's trust framework for HelseID uses),
 * and each route has a default (ADR 0025). The audit log stores {@link #code()}.
 *
 * @param hl7 the HL7 v3 ActReason purpose-of-use code, or {@code null} where none fits
 * @param hl7Verified whether the mapping to the HL7 code was checked against a published source
 */
public enum Purpose {
  /** Helsehjelp: treating the patient (HL7 TREAT, the trust framework's own example). */
  PATIENT_CARE("TREAT", true),
  /** Forløpskoordinering: organising the patient's pathway (HL7 COC, coordination of care). */
  COORDINATION("COC", true),
  /** Kvalitetssikring: health quality improvement (HL7 HQUALIMP). */
  QUALITY_ASSURANCE("HQUALIMP", true),
  /** Statistikk: counts and indicators; no HL7 purpose-of-use code found that fits. */
  STATISTICS(null, false),
  /** Administrasjon: running the service: catalogue, NPR, imports (HL7 HOPERAT, unverified). */
  ADMINISTRATION("HOPERAT", false),
  /** Nødtilgang: emergency access to a patient of another unit (HL7 ETREAT). */
  EMERGENCY_ACCESS("ETREAT", true);

  /** The request header that names the purpose. */
  public static final String PURPOSE_HEADER = "X-Forlop-Purpose";

  /** The longest value of the header that is read at all; anything longer is refused unread. */
  public static final int MAX_LENGTH = 40;

  private final @Nullable String hl7;
  private final boolean hl7Verified;

  Purpose(@Nullable String hl7, boolean hl7Verified) {
    this.hl7 = hl7;
    this.hl7Verified = hl7Verified;
  }

  /** What the audit log stores ({@link Actor#purpose()}). */
  public String code() {
    return name();
  }

  public @Nullable String hl7() {
    return hl7;
  }

  public boolean hl7Verified() {
    return hl7Verified;
  }

  /**
   * The purpose a header value names: our code or the HL7 code, in any case, surrounding blanks
   * ignored. Empty for an unknown or over-long value (the caller refuses it).
   */
  public static Optional<Purpose> parse(String value) {
    var text = value.strip();
    if (text.isEmpty() || text.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    var upper = text.toUpperCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(p -> p.name().equals(upper) || upper.equals(p.hl7))
        .findFirst();
  }

  /**
   * Whether a request may name this purpose itself. Emergency access may not: it is recorded only
   * for the reads under an open grant, with its reason and review (ADR 0028), never because a
   * header says so.
   */
  public boolean declarable() {
    return this != EMERGENCY_ACCESS;
  }

  /**
   * The purpose of a request: the header's if it has one, otherwise the route's default.
   *
   * @throws InvalidPurposeException if the header names no purpose a request may declare
   */
  public static Purpose of(@Nullable String header, Purpose fallback) {
    if (header == null || header.isBlank()) {
      return fallback;
    }
    return parse(header).filter(Purpose::declarable).orElseThrow(InvalidPurposeException::new);
  }
}
