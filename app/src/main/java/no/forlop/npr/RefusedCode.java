package no.forlop.npr;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A registered code a delivery refused to send, and why: which pathway instance and pathway, which
 * code (its key: the suffix such as {@code A}, or the milestone where the suffix is unknown), its
 * date, a stable reason and a sentence saying what is missing.
 *
 * @param reason {@code CODE_PREFIX_UNKNOWN}: the catalogue has no code prefix for the pathway, so
 *     the code would be a bare suffix; {@code CODE_SUFFIX_UNKNOWN}: the pathway's prefix is known
 *     but the official letter of this code is not
 */
public record RefusedCode(
    UUID pathwayInstance,
    String pathway,
    UUID registration,
    String code,
    LocalDate date,
    String reason,
    String detail) {

  static final String PREFIX_UNKNOWN = "CODE_PREFIX_UNKNOWN";
  static final String SUFFIX_UNKNOWN = "CODE_SUFFIX_UNKNOWN";
}
