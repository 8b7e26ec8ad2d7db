package no.forlop.ingest.fhir;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import no.forlop.coding.Code;
import no.forlop.coding.SourceRef;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Reference;
import org.jspecify.annotations.Nullable;

/**
 * Understands one resource being read: where it came from, what its references point to, and how to
 * say what is missing or wrong in a way the sender can act on ("Encounter/e1 has no subject: which
 * patient was seen?").
 */
final class Reading {

  private static final String PATIENT = "Patient";
  private static final String ORGANIZATION = "Organization";

  private final SourceRef source;
  private final References references;

  Reading(SourceRef source, References references) {
    this.source = source;
    this.references = references;
  }

  SourceRef source() {
    return source;
  }

  /** The key of the patient the resource is about; without one the resource is rejected. */
  String patient(Reference subject, String element, String question) {
    if (!subject.hasReference() && subject.hasIdentifier()) {
      throw problem(
          element + " names the patient only by identifier: refer to the Patient resource instead");
    }
    var target = resolve(subject, element);
    if (target == null) {
      throw missing(element, question);
    }
    if (!target.mayBe(PATIENT)) {
      throw problem(element + " refers to a " + target.type() + ", not a Patient");
    }
    return target.key();
  }

  /** The key of the patient, or {@code null} when the element is absent or not a patient. */
  @Nullable String optionalPatient(Reference reference, String element) {
    var target = resolve(reference, element);
    return target == null || !target.mayBe(PATIENT) ? null : target.key();
  }

  /** The key of the resource referred to; without one the resource is rejected. */
  String required(Reference reference, String element, String question) {
    var target = resolve(reference, element);
    if (target == null) {
      throw missing(element, question);
    }
    return target.key();
  }

  /** The key of the resource referred to, or {@code null} when the element is absent. */
  @Nullable String optional(Reference reference, String element) {
    var target = resolve(reference, element);
    return target == null ? null : target.key();
  }

  /** The key of the organisation referred to, or {@code null} if absent or not an organisation. */
  @Nullable String organisation(Reference reference, String element) {
    var target = resolve(reference, element);
    return target == null || !target.mayBe(ORGANIZATION) ? null : target.key();
  }

  /** The keys of the organisations among the references, in order, each once. */
  List<String> organisations(Collection<Reference> candidates, String element) {
    return candidates.stream()
        .map(reference -> organisation(reference, element))
        .filter(Objects::nonNull)
        .distinct()
        .toList();
  }

  /** The text of a required code or string, such as {@code status}. */
  String required(PrimitiveType<?> value, String element) {
    var text = value.getValueAsString();
    if (text == null || text.isBlank()) {
      throw missing(element, "FHIR requires it");
    }
    return text;
  }

  @Nullable String optional(PrimitiveType<?> value) {
    var text = value.getValueAsString();
    return text == null || text.isBlank() ? null : text;
  }

  /** The instant of a required date or date-time. */
  Instant instant(@Nullable BaseDateTimeType value, String element, String question) {
    var instant = optionalInstant(value, element);
    if (instant == null) {
      throw missing(element, question);
    }
    return instant;
  }

  @Nullable Instant optionalInstant(@Nullable BaseDateTimeType value, String element) {
    if (value == null || value.getValueAsString() == null) {
      return null;
    }
    try {
      return FhirDates.instant(value.getValueAsString());
    } catch (IllegalArgumentException e) {
      throw problem(element + " " + e.getMessage());
    }
  }

  /** The codes of the concepts that have both a system and a code, in order. */
  static List<Code> codes(Collection<CodeableConcept> concepts) {
    return concepts.stream()
        .flatMap(concept -> concept.getCoding().stream())
        .filter(coding -> coding.hasSystem() && coding.hasCode())
        .map(coding -> new Code(coding.getSystem(), coding.getCode()))
        .toList();
  }

  /** Rejects the resource: "{@code Encounter/e1 has no subject: which patient was seen?}". */
  NotTranslated missing(String element, String question) {
    return NotTranslated.rejected(source.display() + " has no " + element + ": " + question);
  }

  /** Rejects the resource: "{@code Encounter/e1: period.start is not a valid date or time}". */
  NotTranslated problem(String problem) {
    return NotTranslated.rejected(source.display() + ": " + problem);
  }

  NotTranslated ignored(String reason) {
    return NotTranslated.ignored(source.display() + " " + reason);
  }

  private References.@Nullable Target resolve(Reference reference, String element) {
    if (!reference.hasReference()) {
      return null;
    }
    var target = references.resolve(reference.getReference());
    if (target == null) {
      throw problem(
          element
              + ".reference is not a reference Forløp can follow:"
              + " use Type/id, an absolute URL or a urn:uuid");
    }
    return target;
  }
}
