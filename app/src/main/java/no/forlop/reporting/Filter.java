package no.forlop.reporting;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import no.forlop.audit.Actor;
import org.jspecify.annotations.Nullable;

/**
 * The SQL predicate on {@code report_pathway p} for a query and a reader: only the reader's units
 * (a system actor sees all), then the query's pathway, organisations and patient group. Values are
 * always bound as parameters.
 */
record Filter(String sql, Map<String, Object> params) {

  static Filter of(IndicatorQuery query, Actor reader) {
    var where = new StringBuilder("true");
    var params = new HashMap<String, Object>();
    var organisations = organisations(query, reader);
    if (organisations != null) {
      where.append(" and p.organisation = any(:organisations)");
      params.put("organisations", organisations.toArray(String[]::new));
    }
    if (query.pathway() != null) {
      where.append(" and p.pathway = :pathway");
      params.put("pathway", query.pathway());
    }
    if (query.sex() != null) {
      where.append(" and p.sex = :sex");
      params.put("sex", query.sex().name());
    }
    var band = query.ageBand();
    if (band != null) {
      where.append(" and p.birth_date is not null and p.start_date is not null");
      where.append(" and extract(year from age(p.start_date, p.birth_date)) >= :ageFrom");
      params.put("ageFrom", band.from());
      if (band.to() != null) {
        where.append(" and extract(year from age(p.start_date, p.birth_date)) <= :ageTo");
        params.put("ageTo", band.to());
      }
    }
    return new Filter(where.toString(), params);
  }

  /** The organisations to count, or {@code null} for every one (a system actor, no choice). */
  private static @Nullable Set<String> organisations(IndicatorQuery query, Actor reader) {
    if (reader.units() == null) {
      return query.organisations().isEmpty() ? null : query.organisations();
    }
    var allowed = new TreeSet<>(reader.units());
    if (!query.organisations().isEmpty()) {
      allowed.retainAll(query.organisations());
    }
    return allowed;
  }

  Map<String, Object> with(LocalDate from, LocalDate to, LocalDate asOf) {
    var all = new HashMap<>(params);
    all.put("from", from);
    all.put("to", to);
    all.put("asOf", asOf);
    return all;
  }
}
