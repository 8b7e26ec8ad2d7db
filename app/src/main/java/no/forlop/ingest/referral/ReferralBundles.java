package no.forlop.ingest.referral;

import ca.uhn.fhir.context.FhirContext;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.forlop.coding.Code;
import no.forlop.patient.PatientIdentifier;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.StringType;

/**
 * Builds a GP's referral as a FHIR R4 transaction Bundle that {@code /fhir} reads as a pathway
 * referral. Every entry is a create ({@code POST}) known by a {@code urn:uuid:} derived from the
 * referral's id, so the same referral built twice is the same Bundle, and posting it twice stores
 * it once. The hospital's own system finds the referral by its identifier ({@link
 * #IDENTIFIER_SYSTEM}), e.g. in the {@code focus} of the Task that says it was received.
 */
public final class ReferralBundles {

  /** The system of the identifier Forløp gives a GP's referral (the value is its id). */
  public static final String IDENTIFIER_SYSTEM = "https://forlop.no/fhir/NamingSystem/gp-referral";

  /** The canonical of the entry criteria of a pathway, as a questionnaire; the pathway id after. */
  public static final String QUESTIONNAIRE = "https://forlop.no/fhir/Questionnaire/entry-criteria-";

  /**
   * The response's group of the pathway's required content: one boolean per item of the criteria
   * file's {@code referralContent}, true when the GP confirms the referral includes it (ADR 0044).
   */
  public static final String REQUIRED_CONTENT = "requiredContent";

  /** Organisation numbers in Enhetsregisteret (ENH). */
  public static final String ORGANISATION_NUMBERS = "urn:oid:2.16.578.1.12.4.1.4.101";

  /** HPR numbers (Helsepersonellregisteret): who a health professional is. */
  public static final String HPR_NUMBERS = "urn:oid:2.16.578.1.12.4.1.4.4";

  /** The id of the PractitionerRole contained in the ServiceRequest: the GP at the practice. */
  static final String REQUESTER_ROLE = "requester";

  private static final FhirContext FHIR = FhirContext.forR4Cached();

  private ReferralBundles() {}

  /**
   * The referral as a transaction Bundle, in JSON (indented, for a person to read too).
   *
   * @throws no.forlop.patient.InvalidPatientIdentifierException if the patient's identity number is
   *     not valid (the message names no number)
   */
  public static String transaction(GpReferral referral) {
    return FHIR.newJsonParser().setPrettyPrint(true).encodeResourceToString(bundle(referral));
  }

  static Bundle bundle(GpReferral referral) {
    var urls = new LinkedHashMap<String, String>();
    for (var type : List.of("Patient", "Requester", "Performer", "ServiceRequest", "Response")) {
      urls.put(type, urn(referral.id(), type));
    }
    var bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    add(bundle, urls.get("Patient"), patient(referral.patient()));
    add(bundle, urls.get("Requester"), organisation(referral.requester()));
    add(bundle, urls.get("Performer"), organisation(referral.performer()));
    add(bundle, urls.get("ServiceRequest"), serviceRequest(referral, urls));
    add(bundle, urls.get("Response"), response(referral, urls));
    return bundle;
  }

  private static void add(Bundle bundle, String fullUrl, Resource resource) {
    bundle
        .addEntry()
        .setFullUrl(fullUrl)
        .setResource(resource)
        .getRequest()
        .setMethod(Bundle.HTTPVerb.POST)
        .setUrl(resource.fhirType());
  }

  /** A urn:uuid (lower case, as FHIR asks) derived from the referral's id and the entry's role. */
  private static String urn(UUID id, String role) {
    return "urn:uuid:" + UUID.nameUUIDFromBytes((id + "/" + role).getBytes(StandardCharsets.UTF_8));
  }

  private static Patient patient(GpReferral.Person person) {
    var patient = new Patient();
    var number = PatientIdentifier.parse(person.identityNumber());
    patient
        .addIdentifier()
        .setSystem(
            number.kind() == PatientIdentifier.Kind.D_NUMMER
                ? PatientIdentifier.DNR_SYSTEM
                : PatientIdentifier.FNR_SYSTEM)
        .setValue(number.value());
    patient.addName().setUse(HumanName.NameUse.OFFICIAL).setText(person.name());
    if (person.birthDate() != null) {
      patient.setBirthDateElement(new DateType(person.birthDate().toString()));
    }
    return patient;
  }

  private static Organization organisation(GpReferral.Organisation organisation) {
    var resource = new Organization();
    resource
        .addIdentifier()
        .setSystem(ORGANISATION_NUMBERS)
        .setValue(organisation.organisationNumber());
    if (organisation.name() != null && !organisation.name().isBlank()) {
      resource.setName(organisation.name());
    }
    return resource;
  }

  private static ServiceRequest serviceRequest(GpReferral referral, Map<String, String> urls) {
    var request = new ServiceRequest();
    request.addIdentifier(
        new Identifier().setSystem(IDENTIFIER_SYSTEM).setValue(referral.id().toString()));
    request.setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE);
    request.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
    var code = new CodeableConcept().setText(referral.pathwayName());
    if (referral.pathwayCode() != null) {
      code.addCoding(
          new Coding(Code.PATHWAY_CODES, referral.pathwayCode(), referral.pathwayName()));
    }
    request.setCode(code);
    if (referral.priority() != null) {
      request.addCategory(
          new CodeableConcept(new Coding(Code.REFERRAL_PRIORITY, referral.priority(), null)));
    }
    if (referral.icd10() != null) {
      request.addReasonCode(new CodeableConcept(new Coding(Code.ICD10, referral.icd10(), null)));
    }
    request.setSubject(new Reference(urls.get("Patient")));
    if (referral.requesterHpr() == null) {
      request.setRequester(new Reference(urls.get("Requester")));
    } else {
      // the GP at the practice (ADR 0043): the practice stays the Bundle's Organization entry
      var role = new PractitionerRole();
      role.setId(REQUESTER_ROLE);
      role.setPractitioner(
          new Reference()
              .setType("Practitioner")
              .setIdentifier(
                  new Identifier().setSystem(HPR_NUMBERS).setValue(referral.requesterHpr())));
      role.setOrganization(new Reference(urls.get("Requester")));
      request.addContained(role);
      request.setRequester(new Reference("#" + REQUESTER_ROLE));
    }
    request.addPerformer(new Reference(urls.get("Performer")));
    request.setAuthoredOnElement(dateTime(referral));
    request.addSupportingInfo(new Reference(urls.get("Response")));
    request.addNote(new Annotation(new org.hl7.fhir.r4.model.MarkdownType(referral.assessment())));
    if (!referral.requiredContent().isEmpty()) {
      var content = new StringBuilder();
      for (var item : referral.requiredContent()) {
        content.append(content.isEmpty() ? "" : "\n").append("- ").append(item);
      }
      request.addNote(new Annotation(new org.hl7.fhir.r4.model.MarkdownType(content.toString())));
    }
    return request;
  }

  private static QuestionnaireResponse response(GpReferral referral, Map<String, String> urls) {
    var response = new QuestionnaireResponse();
    response.setQuestionnaire(
        QUESTIONNAIRE + referral.pathwayId() + "|" + referral.criteriaVersion());
    response.setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
    response.addBasedOn(new Reference(urls.get("ServiceRequest")));
    response.setSubject(new Reference(urls.get("Patient")));
    response.setAuthoredElement(dateTime(referral));
    var groups =
        new LinkedHashMap<String, QuestionnaireResponse.QuestionnaireResponseItemComponent>();
    for (var answer : referral.answers()) {
      var group = groups.computeIfAbsent(answer.group(), g -> response.addItem().setLinkId(g));
      group
          .addItem()
          .setLinkId(answer.linkId())
          .setText(answer.text())
          .addAnswer()
          .setValue(new BooleanType(answer.present()));
    }
    response
        .addItem()
        .setLinkId("assessment")
        .addAnswer()
        .setValue(new StringType(referral.assessment()));
    return response;
  }

  private static DateTimeType dateTime(GpReferral referral) {
    var time = new DateTimeType(Date.from(referral.authoredOn()));
    time.setTimeZone(java.util.TimeZone.getTimeZone("Europe/Oslo"));
    return time;
  }
}
