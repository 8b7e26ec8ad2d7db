package no.forlop.ingest.fhir.server;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.SystemRestfulInteraction;
import org.jspecify.annotations.Nullable;

/**
 * Completes the CapabilityStatement HAPI writes from the providers (each type with create and
 * update, the system with transaction): names the software, adds {@code batch}, which HAPI routes
 * to the same method as {@code transaction}, says that requests are read as JSON only, and how
 * batch and transaction differ.
 */
@Interceptor
final class Capabilities {

  static final String DOCUMENTATION =
      "Forløp receives EHR events and derives pathway codes from them. Every resource is validated"
          + " strictly by Forløp, one at a time, and keeps the EHR's id. A batch stores every good"
          + " entry and answers each bad one with its own 4xx and OperationOutcome; a transaction is"
          + " all or nothing. Codes are derived before the answer: read them at /api/v1/pathways.";

  private static final @Nullable String VERSION =
      Capabilities.class.getPackage().getImplementationVersion();

  @Hook(Pointcut.SERVER_CAPABILITY_STATEMENT_GENERATED)
  public IBaseConformance describe(IBaseConformance conformance) {
    if (conformance instanceof CapabilityStatement statement) {
      statement.setName("ForlopFhirEndpoint");
      statement.setTitle("Forløp's FHIR R4 endpoint");
      statement.setPublisher(null);
      // HAPI puts its own version here; Forløp's is in the jar's manifest (absent in tests)
      statement.getSoftware().setName("Forløp").setVersion(VERSION);
      statement.getImplementation().setDescription("Forløp's FHIR R4 endpoint for EHR events");
      statement.getFormat().clear();
      statement.addFormat("application/fhir+json");
      statement.addFormat("json");
      for (var rest : statement.getRest()) {
        rest.setDocumentation(DOCUMENTATION);
        // no searches here, so no _include either
        rest.getResource().forEach(resource -> resource.getSearchInclude().clear());
        var batch =
            rest.getInteraction().stream()
                .anyMatch(i -> i.getCode() == SystemRestfulInteraction.BATCH);
        if (!batch) {
          rest.addInteraction().setCode(SystemRestfulInteraction.BATCH);
        }
      }
    }
    return conformance;
  }
}
