package no.forlop.pathway;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import no.forlop.pathway.domain.PatientPathway;
import org.jspecify.annotations.Nullable;

/**
 * The pathways a unit of work has just stored, while it publishes the change ({@link
 * PathwayWork#commit}): the read models written then (the statistics' patient-level lead times) ask
 * {@link PathwayService#wholeForReadModels} for the very pathways the work holds in memory, so they
 * are taken from there instead of being read again (issue 15). Only patients whose every pathway
 * the work loaded are given; only on the publishing thread, only during the publishing.
 */
final class JustStored {

  private static final ThreadLocal<@Nullable Map<String, List<PatientPathway>>> CURRENT =
      new ThreadLocal<>();

  private JustStored() {}

  /** Runs {@code publish} with these patients' pathways (every one of each patient) at hand. */
  static void during(Map<String, List<PatientPathway>> byPatient, Runnable publish) {
    var before = CURRENT.get();
    CURRENT.set(byPatient);
    try {
      publish.run();
    } finally {
      if (before == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(before);
      }
    }
  }

  /**
   * Every pathway of these patients, as just stored, in the order the store reads them (by the time
   * stored to the microsecond, then by id as PostgreSQL orders a uuid); {@code null} if any of the
   * patients is not at hand (then the caller reads them).
   */
  static @Nullable List<PatientPathway> of(Collection<String> patients) {
    var current = CURRENT.get();
    if (current == null) {
      return null;
    }
    var pathways = new ArrayList<PatientPathway>();
    for (var patient : patients) {
      var ofPatient = current.get(patient);
      if (ofPatient == null) {
        return null;
      }
      pathways.addAll(ofPatient);
    }
    pathways.sort(STORE_ORDER);
    return pathways;
  }

  /** {@code order by created_at, id}: timestamps to the microsecond, uuids byte by byte. */
  static final Comparator<PatientPathway> STORE_ORDER =
      Comparator.<PatientPathway, java.time.Instant>comparing(
              p -> p.header().createdAt().truncatedTo(ChronoUnit.MICROS))
          .thenComparing(
              p -> p.header().id(),
              (a, b) -> {
                int high =
                    Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
                return high != 0
                    ? high
                    : Long.compareUnsigned(
                        a.getLeastSignificantBits(), b.getLeastSignificantBits());
              });
}
