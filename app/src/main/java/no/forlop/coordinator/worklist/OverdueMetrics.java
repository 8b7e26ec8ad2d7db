package no.forlop.coordinator.worklist;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import no.forlop.access.Users;
import no.forlop.calendar.OsloTime;
import no.forlop.catalog.CatalogueService;
import no.forlop.catalog.PathwayKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The open pathways past their next deadline, for Prometheus (ADR 0045): per unit (the configured
 * units' organisation numbers; every other organisation as {@code other}) and kind ({@code cancer},
 * {@code mental-health}). Read from the worklist's read model (one grouped query on its index), at
 * most every {@link #PERIOD}: a scrape never runs a heavy query.
 */
@Component
class OverdueMetrics {

  static final String NAME = "forlop.pathways.overdue";
  static final Duration PERIOD = Duration.ofSeconds(60);
  static final String OTHER = "other";

  /** The kinds as tag values. */
  static final String CANCER = "cancer";

  static final String MENTAL_HEALTH = "mental-health";

  private final JdbcClient jdbc;
  private final Clock clock;
  private final CatalogueService catalogue;
  private final java.util.Set<String> units;

  OverdueMetrics(
      JdbcClient jdbc,
      Clock clock,
      CatalogueService catalogue,
      Users users,
      MeterRegistry registry) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.catalogue = catalogue;
    this.units = new java.util.TreeSet<>();
    users.units().forEach(u -> units.add(u.id()));
    var counts = new no.forlop.web.CachedReading<Map<String, Long>>(this::count, PERIOD, Map.of());
    var tags = new java.util.ArrayList<>(units);
    tags.add(OTHER);
    for (var unit : tags) {
      for (var kind : java.util.List.of(CANCER, MENTAL_HEALTH)) {
        Gauge.builder(NAME, () -> counts.get().getOrDefault(key(unit, kind), 0L))
            .description("Open pathways whose next deadline has passed")
            .tags("unit", unit, "kind", kind)
            .register(registry);
      }
    }
  }

  /** The overdue pathways now, per unit and kind ({@link #key}). */
  Map<String, Long> count() {
    var counts = new HashMap<String, Long>();
    var current = catalogue.current();
    jdbc.sql(
            """
            select organisation, pathway, count(*) as n from worklist_entry
            where open and due_date < :today
            group by organisation, pathway
            """)
        .param("today", OsloTime.today(clock))
        .query(
            rs -> {
              var unit =
                  units.contains(rs.getString("organisation"))
                      ? rs.getString("organisation")
                      : OTHER;
              var kind =
                  current
                      .pathway(rs.getString("pathway"))
                      .map(p -> kindOf(p.kind()))
                      .orElse(CANCER);
              counts.merge(key(unit, kind), rs.getLong("n"), Long::sum);
            });
    return counts;
  }

  /** The kind's tag: {@code mental-health} for mental health and substance use, else cancer. */
  static String kindOf(PathwayKind kind) {
    return kind.isCancer() ? CANCER : MENTAL_HEALTH;
  }

  static String key(String unit, String kind) {
    return unit + "|" + kind;
  }
}
