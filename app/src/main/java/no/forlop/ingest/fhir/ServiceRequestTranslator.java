package no.forlop.ingest.fhir;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import no.forlop.coding.ClinicalEvent;
import no.forlop.coding.ClinicalEvent.Referral;
import no.forlop.ingest.referral.ReferralBundles;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.jspecify.annotations.Nullable;

/**
 * Understands a FHIR ServiceRequest that is an order as a referral: its pathway and priority codes
 * ({@code code} and {@code category}), the suspected condition ({@code reasonCode}), who sent it
 * ({@code requester}) and who is to receive it ({@code performer}). An order is intent {@code
 * order} or one of its kinds in FHIR's request-intent hierarchy: {@code original-order}, {@code
 * reflex-order}, {@code filler-order} (the receiving organisation's own order for the referral) and
 * {@code instance-order}. Other intents ({@code proposal}, {@code plan}, {@code directive}, {@code
 * option}) are no referral and are ignored.
 *
 * <p>A requester that is a PractitionerRole contained in the request ({@code #requester}, as a GP's
 * referral from Forløp's page is written, ADR 0043) gives both the practice (its {@code
 * organization}) and the GP's HPR number (its {@code practitioner}'s identifier in {@link
 * ReferralBundles#HPR_NUMBERS}); a requester Organization gives the practice as before.
 */
final class ServiceRequestTranslator implements ResourceTranslator<ServiceRequest> {

  private static final java.util.regex.Pattern HPR = java.util.regex.Pattern.compile("[0-9]{4,9}");

  private static final Set<String> ORDERS =
      Set.of("order", "original-order", "reflex-order", "filler-order", "instance-order");

  @Override
  public Class<ServiceRequest> resourceClass() {
    return ServiceRequest.class;
  }

  @Override
  public ClinicalEvent translate(ServiceRequest request, Reading reading) {
    var intent = reading.required(request.getIntentElement(), "intent");
    if (!ORDERS.contains(intent)) {
      throw reading.ignored("NOT_AN_ORDER", intent);
    }
    var patient = reading.patient(request.getSubject(), "subject", "patientReferred");
    var status = reading.required(request.getStatusElement(), "status");
    var codes =
        Stream.concat(
                Reading.codes(List.of(request.getCode())).stream(),
                Reading.codes(request.getCategory()).stream())
            .toList();
    var performer =
        request.getPerformer().isEmpty()
            ? null
            : reading.organisation(request.getPerformer().get(0), "performer[0]");
    return new Referral(
        reading.source(),
        patient,
        status,
        codes,
        Reading.codes(request.getReasonCode()),
        requester(request, reading),
        performer,
        reading.instant(request.getAuthoredOnElement(), "authoredOn", "referralWritten"),
        hpr(role(request, reading)));
  }

  /** The key of the requesting organisation: the requester, or its contained role's practice. */
  private static @Nullable String requester(ServiceRequest request, Reading reading) {
    var role = role(request, reading);
    if (role != null) {
      return role.hasOrganization()
          ? reading.organisation(role.getOrganization(), "requester.organization")
          : null;
    }
    return reading.organisation(request.getRequester(), "requester");
  }

  /** The PractitionerRole contained in the request that its requester points to, if any. */
  private static @Nullable PractitionerRole role(ServiceRequest request, Reading reading) {
    Reference requester = request.getRequester();
    if (!requester.hasReference() || !requester.getReference().startsWith("#")) {
      return null;
    }
    var id = requester.getReference().substring(1);
    Resource target =
        requester.getResource() instanceof Resource linked
            ? linked
            : request.getContained().stream()
                .filter(r -> id.equals(r.getIdElement().getIdPart().replaceFirst("^#", "")))
                .findFirst()
                .orElseThrow(() -> reading.rejected("CONTAINED_NOT_FOUND", "requester.reference"));
    if (!(target instanceof PractitionerRole role)) {
      throw reading.rejected(
          "WRONG_REFERENCE_TYPE", "requester", target.fhirType(), "PractitionerRole");
    }
    return role;
  }

  /**
   * The HPR number of the role's practitioner, if it names one by its identifier; one that is not
   * an HPR number's digits (4–9) is not kept, and the referral is read without it.
   */
  private static @Nullable String hpr(@Nullable PractitionerRole role) {
    if (role == null || !role.hasPractitioner() || !role.getPractitioner().hasIdentifier()) {
      return null;
    }
    var identifier = role.getPractitioner().getIdentifier();
    var value = identifier.hasValue() ? identifier.getValue().strip() : "";
    return ReferralBundles.HPR_NUMBERS.equals(identifier.getSystem())
            && HPR.matcher(value).matches()
        ? value
        : null;
  }
}
