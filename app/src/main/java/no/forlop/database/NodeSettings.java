package no.forlop.database;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * This Forløp process as one node of several against one database (ADR 0032, docs/two-nodes.md).
 *
 * @param id the node's name in the leases and the logs; unique among the nodes that share a
 *     database (a second live process with the same id is refused at start). Default: the host
 *     name, the process id and a random suffix, new at every start
 * @param lease how long a claim on shared work (a bulk job, the pull source) lasts without being
 *     renewed: when a node stops renewing (it died, or hangs), another node takes the work over
 *     after this long at most (at once when the holder's database session is gone)
 * @param renewEvery how often the node renews its leases and looks for work whose holder is gone;
 *     shorter than {@code lease}
 */
@ConfigurationProperties("forlop.node")
public record NodeSettings(
    @Nullable String id,
    @DefaultValue("30s") Duration lease,
    @DefaultValue("10s") Duration renewEvery) {

  public NodeSettings {
    if (id != null && (id.isBlank() || id.length() > 100)) {
      throw new IllegalArgumentException("forlop.node.id must be 1–100 characters");
    }
    if (lease.isNegative() || lease.isZero() || renewEvery.isNegative() || renewEvery.isZero()) {
      throw new IllegalArgumentException("forlop.node.lease and renew-every must be positive");
    }
    if (renewEvery.compareTo(lease) >= 0) {
      throw new IllegalArgumentException(
          "forlop.node.renew-every ("
              + renewEvery
              + ") must be shorter than the lease ("
              + lease
              + ")");
    }
  }
}
