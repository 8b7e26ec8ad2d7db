package no.forlop.catalog;

import org.jspecify.annotations.Nullable;

/**
 * A variant a lead-time norm may depend on besides treatment type: the care setting (outpatient or
 * inpatient) or the severity of the condition.
 */
public record NormVariant(String id, Localized names, @Nullable String note) {}
