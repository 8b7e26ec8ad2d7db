package no.forlop.ingest.fhir.server;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the FHIR endpoint.
 *
 * @param maxBodySize the largest request body {@code /fhir} takes (default 100 MB); a larger one is
 *     refused with 413 before it is read to the end. A bulk history goes to the bulk import.
 */
@ConfigurationProperties("forlop.fhir")
record FhirEndpointSettings(DataSize maxBodySize) {

  FhirEndpointSettings {
    if (maxBodySize == null) {
      maxBodySize = DataSize.ofMegabytes(100);
    }
    if (maxBodySize.toBytes() < 1) {
      throw new IllegalArgumentException("forlop.fhir.max-body-size must be at least 1 byte");
    }
  }
}
