package no.forlop.ingest.fhir;

import java.util.List;
import no.forlop.coding.ClinicalEvent;
import org.jspecify.annotations.Nullable;

/**
 * Understands what one delivery held: one item per resource, in input order, each accepted (with
 * the fact it states), rejected (with a reason a person can act on) or ignored (a kind of resource
 * Forløp does not read).
 */
public record Delivery(List<Item> items) {

  public Delivery {
    items = List.copyOf(items);
  }

  /**
   * The facts to store, in input order: those of the accepted resources, and those of ignored
   * resources that are kept as their resource's newest version all the same (a procedure not done).
   */
  public List<ClinicalEvent> events() {
    var events = new java.util.ArrayList<ClinicalEvent>();
    for (var item : items) {
      if (item instanceof Accepted accepted) {
        events.add(accepted.event());
      } else if (item instanceof Ignored ignored && ignored.kept() != null) {
        events.add(ignored.kept());
      }
    }
    return List.copyOf(events);
  }

  public List<Accepted> accepted() {
    return items.stream().filter(Accepted.class::isInstance).map(Accepted.class::cast).toList();
  }

  public List<Rejected> rejected() {
    return items.stream().filter(Rejected.class::isInstance).map(Rejected.class::cast).toList();
  }

  public List<Ignored> ignored() {
    return items.stream().filter(Ignored.class::isInstance).map(Ignored.class::cast).toList();
  }

  /** What became of one resource of the delivery. */
  public sealed interface Item {

    /** The resource as {@code Type/id}, or where it stood when it has none ({@code line 3}). */
    String source();

    /**
     * Where the resource stood in the delivery: {@code line 12} (NDJSON, numbered in the whole
     * file), {@code entry 3} (a bundle, from 1), {@code line 4, entry 2}, or {@code the delivery}.
     */
    String position();
  }

  /**
   * A resource translated into a fact.
   *
   * @param json the resource as it was delivered, kept for traceability
   */
  public record Accepted(ClinicalEvent event, String json, String position) implements Item {
    @Override
    public String source() {
      return event.source().display();
    }
  }

  /**
   * A resource that is malformed or lacks what Forløp needs.
   *
   * @param reason what is wrong, without personal data
   * @param json the resource (or line) as it was delivered
   */
  public record Rejected(String source, String position, IntakeReason reason, String json)
      implements Item {}

  /**
   * A resource Forløp does not read (a Practitioner, a ServiceRequest that is only a plan, a
   * procedure not done …).
   *
   * @param kept the fact the resource states all the same, stored as the newest version of its
   *     resource so that it replaces what an earlier version said (a procedure first sent as
   *     completed, then corrected to not-done); {@code null} when nothing of it is stored
   */
  public record Ignored(
      String source, String position, IntakeReason reason, @Nullable ClinicalEvent kept)
      implements Item {

    /** A resource of which nothing is stored. */
    public Ignored(String source, String position, IntakeReason reason) {
      this(source, position, reason, null);
    }
  }
}
