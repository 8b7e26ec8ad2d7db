package no.forlop.database;

import java.time.Instant;

/**
 * A claim of one node on a piece of shared work (a row of {@code node_lease}): held by {@code
 * holder} until {@code until}, unless renewed.
 *
 * @param name what is claimed, e.g. {@code bulk:<job id>} or {@code pull:<server>}
 */
public record Lease(String name, String holder, Instant until) {

  /** Whether the lease has run out at {@code now}: at its end and after. */
  public boolean ranOut(Instant now) {
    return !now.isBefore(until);
  }

  /**
   * Whether {@code node} may take this lease at {@code now}: it holds it already, or the lease ran
   * out, or its holder is gone (its database session, and with it its presence, ended). A node
   * never takes a lease that another live node holds and renews.
   *
   * @param holderPresent whether the holder's database session is still there
   */
  public boolean takeableBy(String node, Instant now, boolean holderPresent) {
    return holder.equals(node) || ranOut(now) || !holderPresent;
  }
}
