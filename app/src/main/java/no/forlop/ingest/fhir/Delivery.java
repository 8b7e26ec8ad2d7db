package no.forlop.ingest.fhir;

import java.util.List;
import no.forlop.coding.ClinicalEvent;

/**
 * Understands what one delivery held: one item per resource, in input order, each accepted (with
 * the fact it states), rejected (with a reason a person can act on) or ignored (a kind of resource
 * Forløp does not read).
 */
public record Delivery(List<Item> items) {

  public Delivery {
    items = List.copyOf(items);
  }

  /** The facts of the accepted resources, in input order. */
  public List<ClinicalEvent> events() {
    return items.stream()
        .filter(Accepted.class::isInstance)
        .map(item -> ((Accepted) item).event())
        .toList();
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
   * A resource Forløp does not read (a Practitioner, a ServiceRequest that is only a plan …), or
   * one it need not store again.
   */
  public record Ignored(String source, String position, IntakeReason reason) implements Item {}
}
