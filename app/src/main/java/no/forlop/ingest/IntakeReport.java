package no.forlop.ingest;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What became of one delivery: how many resources were accepted, which were rejected or ignored and
 * why, and which patients' pathways it concerned.
 *
 * @param items every resource of the delivery, in input order, with what became of it (the FHIR
 *     endpoint answers each bundle entry from these)
 */
public record IntakeReport(
    UUID delivery,
    int accepted,
    List<Problem> rejected,
    List<Problem> ignored,
    Set<String> patients,
    List<Item> items) {

  public IntakeReport {
    rejected = List.copyOf(rejected);
    ignored = List.copyOf(ignored);
    patients = Collections.unmodifiableSet(new LinkedHashSet<>(patients));
    items = List.copyOf(items);
  }

  /** A resource that was not used, and why. */
  public record Problem(String source, String reason) {}

  /** One resource of the delivery: where it came from, what became of it, and why if not used. */
  public record Item(String source, Outcome outcome, @Nullable String reason) {}

  /** What became of a resource. */
  public enum Outcome {
    /** Translated into a fact and stored. */
    ACCEPTED,
    /** Malformed, or lacking what Forløp needs; the reason says what. */
    REJECTED,
    /** Nothing Forløp reads (or, in a refused all-or-nothing delivery, not stored). */
    IGNORED
  }
}
