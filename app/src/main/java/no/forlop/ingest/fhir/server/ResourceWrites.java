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
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import no.forlop.ingest.IntakeReport;
import no.forlop.ingest.IntakeService.Storing;
import no.forlop.ingest.fhir.IntakeReason;
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

  /** FHIR R4 {@code id}. */
  private static final Pattern FHIR_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

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
      throw Problem.badRequestVariant("INVALID_REQUEST", "create", name).exception();
    }
    var resource = RequestBody.resourceOfType(body, name);
    var report = deliveries.receive(body, "fhir:create", request, Map.of(), Storing.ACCEPTED_FACTS);
    return answer(report, body, RequestBody.text(resource, "id"), true, Languages.of(request));
  }

  @Update
  public MethodOutcome update(
      @IdParam @Nullable IdType id, @ResourceParam byte[] body, RequestDetails request) {
    if (id == null || !id.hasIdPart()) {
      throw Problem.badRequestVariant("INVALID_REQUEST", "update", name).exception();
    }
    if (!FHIR_ID.matcher(id.getIdPart()).matches()) {
      throw Problem.badRequest("INVALID_ID").exception();
    }
    var resource = RequestBody.resourceOfType(body, name);
    var own = RequestBody.text(resource, "id");
    if (!id.getIdPart().equals(own)) {
      throw (own == null
              ? Problem.badRequestVariant("ID_MISMATCH", "noId", name, id.getIdPart())
              : FHIR_ID.matcher(own).matches()
                  ? Problem.badRequest("ID_MISMATCH", name, id.getIdPart(), own)
                  : Problem.badRequestVariant("ID_MISMATCH", "invalid", name, id.getIdPart()))
          .exception();
    }
    var report = deliveries.receive(body, "fhir:update", request, Map.of(), Storing.ACCEPTED_FACTS);
    return answer(report, body, own, false, Languages.of(request));
  }

  /**
   * The answer to a create or update: 201 Created or 200 OK with the resource echoed when it was
   * stored; 200 OK with an OperationOutcome (and no Location) when it was received but not used (a
   * resource Forløp does not read, a procedure not done …), so the sender learns it; 400 when it
   * was rejected.
   */
  private MethodOutcome answer(
      IntakeReport report, byte[] body, @Nullable String id, boolean create, Locale language) {
    var item = report.items().get(0);
    var reason = item.reason();
    if (item.outcome() == IntakeReport.Outcome.REJECTED && reason != null) {
      throw new Problem(400, IssueType.INVALID, reason, null).exception();
    }
    var outcome = new MethodOutcome();
    if (item.outcome() == IntakeReport.Outcome.IGNORED && reason != null) {
      var ignored =
          Outcomes.of(
              Outcomes.issue(
                  IssueSeverity.WARNING,
                  IssueType.INFORMATIONAL,
                  reason.code(),
                  reason.text(language),
                  null));
      outcome.setCreated(false);
      outcome.setOperationOutcome(ignored);
      // also as the answer's resource: HAPI sends the OperationOutcome of a write only when the
      // client asks for it (Prefer: return=OperationOutcome), and the sender must learn why
      outcome.setResource(ignored);
      return outcome;
    }
    if (id != null) {
      outcome.setId(new IdType(name, id));
    }
    if (create) {
      outcome.setCreated(true);
    }
    outcome.setResource(echo(body));
    var stored = IntakeReason.of("RESOURCE_STORED", item.source());
    outcome.setOperationOutcome(
        Outcomes.of(
            Outcomes.issue(
                IssueSeverity.INFORMATION,
                IssueType.INFORMATIONAL,
                stored.code(),
                stored.text(language),
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
