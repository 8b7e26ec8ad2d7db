package no.forlop.ingest.fhir.server;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Update;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import no.forlop.ingest.IntakeReport;
import no.forlop.ingest.IntakeService.Storing;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.jspecify.annotations.Nullable;

/**
 * Takes one resource of one type, by create ({@code POST /fhir/Encounter}) or update ({@code PUT
 * /fhir/Encounter/e1}): a delivery of one resource. The resource keeps the EHR's id, also on create
 * (it is the fact's identity across deliveries). Accepted: 201 or 200 with the resource echoed;
 * rejected: 400 with Forløp's reason.
 */
final class ResourceWrites implements IResourceProvider {

  private final FhirContext fhir;
  private final Class<? extends IBaseResource> type;
  private final String name;
  private final Deliveries deliveries;

  ResourceWrites(FhirContext fhir, String name, Deliveries deliveries) {
    this.fhir = fhir;
    this.type = fhir.getResourceDefinition(name).getImplementingClass();
    this.name = name;
    this.deliveries = deliveries;
  }

  @Override
  public Class<? extends IBaseResource> getResourceType() {
    return type;
  }

  /**
   * @param body the request body as it came ({@code RequestDetails.loadRequestContents()}): HAPI
   *     does not parse it
   */
  @Create
  public MethodOutcome create(@ResourceParam byte[] body, RequestDetails request) {
    if (request.getId() != null && request.getId().hasIdPart()) {
      throw Problem.badRequest(
              "INVALID_REQUEST",
              "Create is POST /fhir/"
                  + name
                  + "; to send a resource to its own address, use PUT /fhir/"
                  + name
                  + "/{id}.")
          .exception();
    }
    var resource = RequestBody.resourceOfType(body, name);
    var report = deliveries.receive(body, "fhir:create", request, Map.of(), Storing.ACCEPTED_FACTS);
    return answer(report, body, RequestBody.text(resource, "id"), true);
  }

  @Update
  public MethodOutcome update(
      @IdParam @Nullable IdType id, @ResourceParam byte[] body, RequestDetails request) {
    if (id == null || !id.hasIdPart()) {
      throw Problem.badRequest(
              "INVALID_REQUEST",
              "Update is PUT /fhir/" + name + "/{id}, with the resource's id in the URL.")
          .exception();
    }
    var resource = RequestBody.resourceOfType(body, name);
    var own = RequestBody.text(resource, "id");
    if (!id.getIdPart().equals(own)) {
      throw Problem.badRequest(
              "ID_MISMATCH",
              "The URL names "
                  + name
                  + "/"
                  + id.getIdPart()
                  + (own == null
                      ? ", but the resource has no id: give it the id in the URL."
                      : ", but the resource is " + name + "/" + own + "."))
          .exception();
    }
    var report = deliveries.receive(body, "fhir:update", request, Map.of(), Storing.ACCEPTED_FACTS);
    return answer(report, body, own, false);
  }

  private MethodOutcome answer(
      IntakeReport report, byte[] body, @Nullable String id, boolean create) {
    var item = report.items().get(0);
    var reason = item.reason() == null ? item.source() : item.reason();
    if (item.outcome() == IntakeReport.Outcome.REJECTED) {
      throw new Problem(400, IssueType.INVALID, "RESOURCE_REJECTED", reason, null).exception();
    }
    var outcome = new MethodOutcome();
    if (id != null) {
      outcome.setId(new IdType(name, id));
    }
    if (create) {
      outcome.setCreated(true);
    }
    outcome.setResource(echo(body));
    outcome.setOperationOutcome(
        item.outcome() == IntakeReport.Outcome.IGNORED
            ? Outcomes.of(
                Outcomes.issue(
                    IssueSeverity.WARNING,
                    IssueType.INFORMATIONAL,
                    "RESOURCE_IGNORED",
                    reason,
                    null))
            : Outcomes.of(
                Outcomes.issue(
                    IssueSeverity.INFORMATION,
                    IssueType.INFORMATIONAL,
                    "RESOURCE_STORED",
                    item.source() + " is stored, and the pathway codes derived.",
                    null)));
    return outcome;
  }

  /** The resource as it came, parsed only to be sent back; Forløp has already accepted it. */
  private @Nullable IBaseResource echo(byte[] body) {
    try {
      return fhir.newJsonParser().parseResource(type, new String(body, StandardCharsets.UTF_8));
    } catch (DataFormatException e) {
      return null;
    }
  }
}
