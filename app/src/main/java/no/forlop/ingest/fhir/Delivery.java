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
  }

  /**
   * A resource translated into a fact.
   *
   * @param json the resource as it was delivered, kept for traceability
   */
  public record Accepted(ClinicalEvent event, String json) implements Item {
    @Override
    public String source() {
      return event.source().display();
    }
  }

  /**
   * A resource that is malformed or lacks what Forløp needs.
   *
   * @param reason one line saying what is wrong, without personal data
   * @param json the resource (or line) as it was delivered
   */
  public record Rejected(String source, String reason, String json) implements Item {}

  /** A resource Forløp does not read (a Practitioner, a ServiceRequest that is only a plan …). */
  public record Ignored(String source, String reason) implements Item {}
}
