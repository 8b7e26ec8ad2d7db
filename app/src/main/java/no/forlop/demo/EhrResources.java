package no.forlop.demo;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import no.forlop.calendar.OsloTime;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes the FHIR R4 resources of one invented patient the way an EHR sends them, one NDJSON line
 * each: the patient, referrals and their handling, attendances, imaging, procedures, assessments
 * and drugs. Ids are the patient's id plus a suffix, so every resource is unique in the demo.
 */
final class EhrResources {

  static final String IDENTITY = "urn:oid:2.16.578.1.12.4.1.4.1";
  static final String ORGANISATION_NUMBER = "urn:oid:2.16.578.1.12.4.1.4.101";
  static final String HPR_NUMBERS = "urn:oid:2.16.578.1.12.4.1.4.4";
  static final String PATHWAY_CODES = "urn:oid:2.16.578.1.12.4.1.1.8480";
  static final String PRIORITY = "urn:oid:2.16.578.1.12.4.1.1.8306";
  static final String ICD10 = "urn:oid:2.16.578.1.12.4.1.1.7110";
  static final String SNOMED = "http://snomed.info/sct";
  static final String ATC = "http://www.whocc.no/atc";
  static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
  static final String DICOM = "http://dicom.nema.org/resources/ontology/DCM";

  static final String BIOPSY = "86273004";
  static final String SURGICAL_PROCEDURE = "387713003";
  static final String RADIOTHERAPY = "108290001";

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final DateTimeFormatter FHIR_DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

  private final String id;

  /**
   * @param id the patient resource's id (e.g. {@code demo-p0042})
   */
  EhrResources(String id) {
    this.id = id;
  }

  String patientId() {
    return id;
  }

  /** The health trusts, as every delivery carries them. */
  static String organisation(String resourceId, String number, String name) {
    var o = resource("Organization", resourceId);
    o.putArray("identifier").addObject().put("system", ORGANISATION_NUMBER).put("value", number);
    o.put("name", name);
    return line(o);
  }

  /** A FHIR dateTime in Oslo time for a day and a time of day. */
  static String at(LocalDate day, int hour, int minute) {
    return ZonedDateTime.of(day, LocalTime.of(hour, minute), OsloTime.ZONE).format(FHIR_DATE_TIME);
  }

  String patient(
      String identifier,
      String given,
      String family,
      boolean male,
      LocalDate born,
      @Nullable LocalDate died,
      int version) {
    var p = resource("Patient", id);
    p.putObject("meta").put("versionId", Integer.toString(version));
    p.putArray("identifier").addObject().put("system", IDENTITY).put("value", identifier);
    var name = p.putArray("name").addObject();
    name.put("use", "official");
    name.put("family", family);
    name.putArray("given").add(given);
    p.put("gender", male ? "male" : "female");
    p.put("birthDate", born.toString());
    if (died != null) {
      p.put("deceasedDateTime", at(died, 6, 30));
    }
    return line(p);
  }

  /**
   * A referral (ServiceRequest, intent order).
   *
   * @param pathwayCode a code from kodeverk 8480 ({@code A12A} or the prefix {@code A12}), or null
   * @param pk whether it has the priority "pakkeforløp for kreft" (kodeverk 8306)
   * @param reasons ICD-10 codes of the suspected condition
   * @param requester the organisation that sent it, or null (a GP)
   */
  String referral(
      String suffix,
      @Nullable String pathwayCode,
      boolean pk,
      List<String> reasons,
      @Nullable String requester,
      String performer,
      LocalDate authored) {
    return referral(suffix, pathwayCode, pk, reasons, requester, null, performer, authored);
  }

  /**
   * A referral from a GP named by HPR number at a practice (issue 17, ADR 0043): the requester is a
   * PractitionerRole contained in the ServiceRequest, as the GP page writes it.
   *
   * @param gpHpr the GP's HPR number, or null for a referral from an organisation (or none)
   */
  String referral(
      String suffix,
      @Nullable String pathwayCode,
      boolean pk,
      List<String> reasons,
      @Nullable String requester,
      @Nullable String gpHpr,
      String performer,
      LocalDate authored) {
    var r = resource("ServiceRequest", id + "-" + suffix);
    if (gpHpr != null && requester != null) {
      var role = r.putArray("contained").addObject();
      role.put("resourceType", "PractitionerRole");
      role.put("id", "requester");
      role.putObject("practitioner")
          .put("type", "Practitioner")
          .putObject("identifier")
          .put("system", HPR_NUMBERS)
          .put("value", gpHpr);
      role.putObject("organization").put("reference", "Organization/" + requester);
    }
    r.put("status", "active");
    r.put("intent", "order");
    if (pk) {
      r.putArray("category")
          .addObject()
          .putArray("coding")
          .addObject()
          .put("system", PRIORITY)
          .put("code", "PK");
    }
    if (pathwayCode != null) {
      r.putObject("code")
          .putArray("coding")
          .addObject()
          .put("system", PATHWAY_CODES)
          .put("code", pathwayCode);
    }
    subject(r);
    if (gpHpr != null && requester != null) {
      r.putObject("requester").put("reference", "#requester");
    } else if (requester != null) {
      r.putObject("requester").put("reference", "Organization/" + requester);
    }
    r.putArray("performer").addObject().put("reference", "Organization/" + performer);
    if (!reasons.isEmpty()) {
      var reasonCodes = r.putArray("reasonCode");
      for (var reason : reasons) {
        reasonCodes
            .addObject()
            .putArray("coding")
            .addObject()
            .put("system", ICD10)
            .put("code", reason);
      }
    }
    r.put("authoredOn", at(authored, 14, 5));
    return line(r);
  }

  /**
   * The GP's answers to the entry criteria of a pathway sent with a referral (ADR 0044): a
   * QuestionnaireResponse based on the referral whose group {@code requiredContent} says, per item
   * of the pathway's required content, whether the referral includes it.
   *
   * @param included per item id of the pathway's {@code referralContent}, whether it is included
   */
  String entryCriteriaResponse(
      String suffix,
      String referralSuffix,
      String pathway,
      java.util.Map<String, Boolean> included,
      LocalDate authored) {
    var q = resource("QuestionnaireResponse", id + "-" + suffix);
    q.put("questionnaire", "https://forlop.no/fhir/Questionnaire/entry-criteria-" + pathway);
    q.put("status", "completed");
    q.putArray("basedOn")
        .addObject()
        .put("reference", "ServiceRequest/" + id + "-" + referralSuffix);
    subject(q);
    q.put("authored", at(authored, 14, 5));
    var items = q.putArray("item").addObject().put("linkId", "requiredContent").putArray("item");
    included.forEach(
        (item, yes) ->
            items
                .addObject()
                .put("linkId", item)
                .putArray("answer")
                .addObject()
                .put("valueBoolean", yes));
    return line(q);
  }

  /** The handling of a referral: {@code received} (receipt) or {@code accepted} (assessed). */
  String task(String suffix, String referralSuffix, String status, String owner, LocalDate on) {
    var t = resource("Task", id + "-" + suffix);
    t.put("status", status);
    t.put("intent", "order");
    t.putObject("focus").put("reference", "ServiceRequest/" + id + "-" + referralSuffix);
    t.putObject("for").put("reference", "Patient/" + id);
    t.putObject("owner").put("reference", "Organization/" + owner);
    t.put("authoredOn", at(on, status.equals("received") ? 9 : 11, 10));
    return line(t);
  }

  /** A visit ({@code AMB}) or admission ({@code IMP}). */
  String encounter(
      String suffix,
      String status,
      String attendanceClass,
      String provider,
      LocalDate on,
      int version) {
    var e = resource("Encounter", id + "-" + suffix);
    e.putObject("meta").put("versionId", Integer.toString(version));
    e.put("status", status);
    e.putObject("class").put("system", ACT_CODE).put("code", attendanceClass);
    subject(e);
    e.putObject("serviceProvider").put("reference", "Organization/" + provider);
    e.putObject("period").put("start", at(on, 8, 30));
    return line(e);
  }

  /** An imaging examination (CT) performed by an organisation. */
  String imaging(String suffix, String performer, LocalDate on) {
    var s = resource("ImagingStudy", id + "-" + suffix);
    s.put("status", "available");
    subject(s);
    s.put("started", at(on, 12, 15));
    var series = s.putArray("series").addObject();
    series.put("uid", "2.25." + Math.abs((long) (id + suffix).hashCode()) + "1");
    series.putObject("modality").put("system", DICOM).put("code", "CT");
    series
        .putArray("performer")
        .addObject()
        .putObject("actor")
        .put("reference", "Organization/" + performer);
    return line(s);
  }

  /** A biopsy (SNOMED 86273004 in {@code code}). */
  String biopsy(String suffix, String performer, LocalDate on) {
    var p = procedure(suffix, performer, on, 10);
    p.putObject("code").putArray("coding").addObject().put("system", SNOMED).put("code", BIOPSY);
    return line(p);
  }

  /** An operation (category SNOMED 387713003, surgical procedure). */
  String surgery(String suffix, String performer, LocalDate on) {
    var p = procedure(suffix, performer, on, 8);
    category(p, SURGICAL_PROCEDURE);
    return line(p);
  }

  /** A radiotherapy session (category SNOMED 108290001). */
  String radiotherapy(String suffix, String performer, LocalDate on) {
    var p = procedure(suffix, performer, on, 13);
    category(p, RADIOTHERAPY);
    return line(p);
  }

  /** A drug given in an encounter (ATC). */
  String drug(String suffix, String atc, String encounterSuffix, LocalDate on) {
    var m = resource("MedicationAdministration", id + "-" + suffix);
    m.put("status", "completed");
    m.putObject("medicationCodeableConcept")
        .putArray("coding")
        .addObject()
        .put("system", ATC)
        .put("code", atc);
    subject(m);
    m.putObject("context").put("reference", "Encounter/" + id + "-" + encounterSuffix);
    m.put("effectiveDateTime", at(on, 9, 45));
    return line(m);
  }

  /**
   * An assessment with its finding: an ICD-10 diagnosis, or a mental-health outcome from kodeverk
   * 8480 ({@code D11CP}, {@code CU} …).
   */
  String assessment(
      String suffix,
      String system,
      String finding,
      @Nullable String encounterSuffix,
      LocalDate on) {
    var c = resource("ClinicalImpression", id + "-" + suffix);
    c.put("status", "completed");
    subject(c);
    if (encounterSuffix != null) {
      c.putObject("encounter").put("reference", "Encounter/" + id + "-" + encounterSuffix);
    }
    c.put("date", at(on, 13, 0));
    c.putArray("finding")
        .addObject()
        .putObject("itemCodeableConcept")
        .putArray("coding")
        .addObject()
        .put("system", system)
        .put("code", finding);
    return line(c);
  }

  private ObjectNode procedure(String suffix, String performer, LocalDate on, int hour) {
    var p = resource("Procedure", id + "-" + suffix);
    p.put("status", "completed");
    subject(p);
    p.put("performedDateTime", at(on, hour, 0));
    p.putArray("performer")
        .addObject()
        .putObject("actor")
        .put("reference", "Organization/" + performer);
    return p;
  }

  private static void category(ObjectNode procedure, String snomed) {
    procedure
        .putObject("category")
        .putArray("coding")
        .addObject()
        .put("system", SNOMED)
        .put("code", snomed);
  }

  private void subject(ObjectNode resource) {
    resource.putObject("subject").put("reference", "Patient/" + id);
  }

  private static ObjectNode resource(String type, String resourceId) {
    var node = JSON.createObjectNode();
    node.put("resourceType", type);
    node.put("id", resourceId);
    return node;
  }

  private static String line(ObjectNode node) {
    return JSON.writeValueAsString(node) + "\n";
  }
}
