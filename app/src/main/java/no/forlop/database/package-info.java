/**
 * Where Forløp keeps its data: an external PostgreSQL when {@code spring.datasource.url} is set,
 * otherwise an embedded PostgreSQL whose data folder survives restarts. Flyway migrates both.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
@org.jspecify.annotations.NullMarked
package no.forlop.database;
