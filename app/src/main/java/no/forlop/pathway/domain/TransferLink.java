package no.forlop.pathway.domain;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A transfer between trusts in one pathway: the sender's instance {@code from} (with the O) and the
 * instance {@code to} the receiving trust opened for the same patient and pathway (ADR 0021).
 *
 * @param transferredOn the day the sender sent the referral (the O's date)
 * @param rule the derivation rule that linked the two
 */
public record TransferLink(UUID from, UUID to, LocalDate transferredOn, String rule) {}
