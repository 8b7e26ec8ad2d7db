/** {@code bin/forlop codelist}: sends an official code list to a running Forløp. */
@org.springframework.modulith.NamedInterface("cli")
@org.jspecify.annotations.NullMarked
package no.forlop.catalog.cli;
