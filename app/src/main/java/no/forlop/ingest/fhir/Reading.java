package no.forlop.ingest.fhir;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import no.forlop.coding.Code;
import no.forlop.coding.SourceRef;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Identifier;
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

  /**
   * The key of the patient the resource is about; without one the resource is rejected.
   *
   * @param question the key of the question the element answers ({@code intake.question.<key>})
   */
  String patient(Reference subject, String element, String question) {
    if (!subject.hasReference() && subject.hasIdentifier()) {
      throw NotTranslated.rejected(
          IntakeReason.of("PATIENT_BY_IDENTIFIER", source.display(), element));
    }
    var target = resolve(subject, element);
    if (target == null) {
      throw missing(element, question);
    }
    if (!target.mayBe(PATIENT)) {
      throw NotTranslated.rejected(
          IntakeReason.of(
              "WRONG_REFERENCE_TYPE", source.display(), element, target.type(), PATIENT));
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

  /**
   * The key of the resource of this type referred to, or {@code null} when the element has no
   * reference; a reference to another type is rejected.
   */
  @Nullable String optional(Reference reference, String element, String type) {
    var target = resolve(reference, element);
    if (target == null) {
      return null;
    }
    if (!target.mayBe(type)) {
      throw NotTranslated.rejected(
          IntakeReason.of("WRONG_REFERENCE_TYPE", source.display(), element, target.type(), type));
    }
    return target.key();
  }

  /**
   * The key of the resource referred to when it may be of this type, or {@code null} when the
   * element is absent or refers to another type.
   */
  @Nullable String optionalOfType(Reference reference, String element, String type) {
    var target = resolve(reference, element);
    return target == null || !target.mayBe(type) ? null : target.key();
  }

  /**
   * The key of a reference that names a resource of this type only by its business identifier
   * ({@code identifier} with a {@code value}, and no {@code reference}): {@code
   * Type?identifier=system|value}, which the store reads as the fact with that identifier once it
   * is known ({@link SourceRef#byIdentifier}); {@code null} when the reference has no identifier. A
   * reference whose {@code type} names another type is rejected.
   */
  @Nullable String byIdentifier(Reference reference, String element, String type) {
    if (reference.hasReference() || !reference.hasIdentifier()) {
      return null;
    }
    var identifier = identifier(reference.getIdentifier());
    if (identifier == null) {
      return null;
    }
    if (reference.hasType()) {
      var named = reference.getType();
      var simple = named.substring(named.lastIndexOf('/') + 1);
      if (!simple.equals(type)) {
        throw NotTranslated.rejected(
            IntakeReason.of("WRONG_REFERENCE_TYPE", source.display(), element, simple, type));
      }
    }
    if (identifier.getBytes(StandardCharsets.UTF_8).length - 1
        > ResourceChecks.MAX_IDENTIFIER_BYTES) {
      throw NotTranslated.rejected(
          IntakeReason.of(
              "IDENTIFIER_TOO_LONG",
              source.display(),
              element + ".identifier",
              String.valueOf(ResourceChecks.MAX_IDENTIFIER_BYTES)));
    }
    return SourceRef.byIdentifier(type, identifier);
  }

  /**
   * A business identifier as Forløp keeps it, {@code system|value} ({@code |value} without a
   * system), or {@code null} without a value.
   */
  static @Nullable String identifier(Identifier identifier) {
    if (!identifier.hasValue() || identifier.getValue().isBlank()) {
      return null;
    }
    return (identifier.hasSystem() ? identifier.getSystem() : "") + "|" + identifier.getValue();
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
      throw missing(element, "required");
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
    } catch (FhirDates.InvalidDate e) {
      throw NotTranslated.rejected(e.reason(source.display(), element));
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

  /**
   * Rejects the resource for a missing element: "{@code Encounter/e1 has no subject: which patient
   * was seen?}".
   *
   * @param element the element's name, or a {@link IntakeReason.Phrase} naming it
   * @param question the key of the question the element answers ({@code intake.question.<key>})
   */
  NotTranslated missing(Object element, String question) {
    return NotTranslated.rejected(
        IntakeReason.of(
            "MISSING_ELEMENT",
            source.display(),
            element,
            IntakeReason.Phrase.of("question." + question)));
  }

  /** Rejects the resource for a reason of the code's own ({@code intake.<CODE>}). */
  NotTranslated rejected(String code, Object... args) {
    return NotTranslated.rejected(IntakeReason.of(code, withDisplay(args)));
  }

  /** Ignores the resource for a reason of the code's own ({@code intake.<CODE>}). */
  NotTranslated ignored(String code, Object... args) {
    return NotTranslated.ignored(IntakeReason.of(code, withDisplay(args)));
  }

  private Object[] withDisplay(Object[] args) {
    var all = new Object[args.length + 1];
    all[0] = source.display();
    System.arraycopy(args, 0, all, 1, args.length);
    return all;
  }

  private References.@Nullable Target resolve(Reference reference, String element) {
    if (!reference.hasReference()) {
      return null;
    }
    var target = references.resolve(reference.getReference());
    if (target == null) {
      throw NotTranslated.rejected(
          IntakeReason.of("UNRESOLVABLE_REFERENCE", source.display(), element));
    }
    return target;
  }
}
