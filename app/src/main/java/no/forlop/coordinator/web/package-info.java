/**
 * What the coordinator's pages share: texts in the user's language, who may change a pathway, and
 * the error pages (403, 404) when a pathway cannot be shown.
 */
@org.jspecify.annotations.NullMarked
package no.forlop.coordinator.web;
