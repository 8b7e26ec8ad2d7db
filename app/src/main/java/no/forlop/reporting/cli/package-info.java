/** {@code bin/forlop report}: the indicators from a running Forløp, for scheduled runs. */
@org.springframework.modulith.NamedInterface("cli")
@org.jspecify.annotations.NullMarked
package no.forlop.reporting.cli;
