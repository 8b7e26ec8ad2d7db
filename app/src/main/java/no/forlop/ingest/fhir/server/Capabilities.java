package no.forlop.ingest.fhir.server;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.ConditionalDeleteStatus;
import org.hl7.fhir.r4.model.CapabilityStatement.ConditionalReadStatus;
import org.hl7.fhir.r4.model.CapabilityStatement.ResourceVersionPolicy;
import org.hl7.fhir.r4.model.CapabilityStatement.SystemRestfulInteraction;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
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
          + " all or nothing, and may name a resource once. Conditional create (If-None-Exist) takes"
          + " identifier=system|value only. A PUT with search criteria in a bundle is taken as an"
          + " update of the resource's own id (the criteria are not evaluated). No read, search,"
          + " history, delete, patch or operations: 405; but a GP (role GP) searches Task for the"
          + " status of their own referrals (GET /fhir/Task, parameters requester and based-on). Bodies up to forlop.fhir.max-body-size"
          + " (413 beyond). Codes are derived before the answer: read them at /api/v1/pathways."
          + " Refusals carry a reason code (https://forlop.no/fhir/CodeSystem/reason) and a text in"
          + " Norwegian, or English with Accept-Language: en.";

  static final String SECURITY =
      "HTTP Basic over TLS with a user of the role INTEGRATION (the EHR), or GP for the Task search;"
          + " the purpose of an access"
          + " in X-Forlop-Purpose. Every access is audited. The CapabilityStatement is public.";

  private static final java.util.Set<TypeRestfulInteraction> WRITES =
      java.util.EnumSet.of(TypeRestfulInteraction.CREATE, TypeRestfulInteraction.UPDATE);
  private static final java.util.Set<String> GP_SEARCH = java.util.Set.of("requester", "based-on");
  private static final java.util.Set<SystemRestfulInteraction> SYSTEM =
      java.util.EnumSet.of(SystemRestfulInteraction.TRANSACTION, SystemRestfulInteraction.BATCH);

  private static final @Nullable String VERSION =
      Capabilities.class.getPackage().getImplementationVersion();

  private final java.util.Set<String> types;

  /**
   * @param types the resource types the endpoint takes
   */
  Capabilities(java.util.Set<String> types) {
    this.types = java.util.Set.copyOf(types);
  }

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
        rest.getSecurity()
            .setCors(false)
            .setDescription(SECURITY)
            .addService()
            .addCoding()
            .setSystem("http://terminology.hl7.org/CodeSystem/restful-security-service")
            .setCode("Basic")
            .setDisplay("Basic");
        rest.getResource().removeIf(resource -> !types.contains(resource.getType()));
        for (var resource : rest.getResource()) {
          // exactly what works: create (conditional on identifier) and update, nothing to read
          resource.getSearchInclude().clear();
          resource.getSearchRevInclude().clear();
          resource.getOperation().clear();
          // a GP's system searches Task for the GP's referrals (issue 17, ADR 0043)
          var gpSearch = resource.getType().equals("Task");
          resource.getSearchParam().removeIf(p -> !gpSearch || !GP_SEARCH.contains(p.getName()));
          resource
              .getInteraction()
              .removeIf(
                  i ->
                      !WRITES.contains(i.getCode())
                          && !(gpSearch && i.getCode() == TypeRestfulInteraction.SEARCHTYPE));
          resource.setConditionalCreate(true);
          resource.setConditionalUpdate(false);
          resource.setConditionalDelete(ConditionalDeleteStatus.NOTSUPPORTED);
          resource.setConditionalRead(ConditionalReadStatus.NOTSUPPORTED);
          resource.setUpdateCreate(true);
          resource.setReadHistory(false);
          resource.setVersioning(ResourceVersionPolicy.NOVERSION);
        }
        rest.getOperation().clear();
        rest.getInteraction().removeIf(i -> !SYSTEM.contains(i.getCode()));
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
