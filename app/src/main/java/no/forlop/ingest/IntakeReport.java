package no.forlop.ingest;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import no.forlop.ingest.fhir.IntakeReason;
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

  /**
   * A resource that was not used, and why.
   *
   * @param code the stable reason code (an intake reason, or a derivation problem's {@code
   *     ProblemCode}); {@code null} for a rejection stored without one
   * @param reason the reason: in English (the command line, logs), or in the reader's language
   *     where one was asked for
   */
  public record Problem(String source, @Nullable String code, String reason) {

    public Problem(String source, String reason) {
      this(source, null, reason);
    }
  }

  /**
   * One resource of the delivery: where it came from and stood, what became of it, and why if not
   * used.
   *
   * @param position where it stood in the delivery ({@code line 12}, {@code entry 3})
   */
  public record Item(
      String source, String position, Outcome outcome, @Nullable IntakeReason reason) {

    /**
     * The reason code of a resource not stored because an equal one exists (conditional create).
     */
    public static final String ALREADY_EXISTS = "ALREADY_EXISTS";

    /**
     * The resource that already exists, as the sender knows it ({@code Encounter/e1}), when this
     * one was a conditional create that matched it; else {@code null}.
     */
    public @Nullable String existing() {
      return reason != null && ALREADY_EXISTS.equals(reason.code()) && reason.args().size() > 1
          ? String.valueOf(reason.args().get(1))
          : null;
    }
  }

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
