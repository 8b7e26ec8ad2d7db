package no.forlop.reporting;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import no.forlop.access.Actor;
import org.jspecify.annotations.Nullable;

/**
 * The SQL predicate for a query and a reader: only the reader's units (a system actor sees all),
 * then the query's pathway, organisations and patient group. Values are always bound as parameters.
 * The unit and pathway are columns of every statistics table, so they are tested on the table
 * queried ({@code alias}); the patient group is on {@code report_pathway p}, which a query joins
 * only when {@link #needsPathway()}.
 */
record Filter(String sql, Map<String, Object> params, boolean needsPathway) {

  static Filter of(IndicatorQuery query, Actor reader) {
    return of(query, reader, "p");
  }

  /** The predicate with the unit and pathway tested on the table with this alias. */
  static Filter of(IndicatorQuery query, Actor reader, String alias) {
    var where = new StringBuilder("true");
    var params = new HashMap<String, Object>();
    var organisations = organisations(query, reader);
    if (organisations != null) {
      where.append(" and ").append(alias).append(".organisation = any(:organisations)");
      params.put("organisations", organisations.toArray(String[]::new));
    }
    if (query.pathway() != null) {
      where.append(" and ").append(alias).append(".pathway = :pathway");
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
    return new Filter(where.toString(), params, query.sex() != null || query.ageBand() != null);
  }

  /** The organisations to count, or {@code null} for every one (a system actor, no choice). */
  static @Nullable Set<String> organisations(IndicatorQuery query, Actor reader) {
    if (reader.units() == null) {
      return query.organisations().isEmpty() ? null : query.organisations();
    }
    var allowed = new TreeSet<>(reader.units());
    if (!query.organisations().isEmpty()) {
      allowed.retainAll(query.organisations());
    }
    return allowed;
  }

  /** The join to {@code report_pathway p} the predicate needs, if any. */
  String join(String alias) {
    return needsPathway ? " join report_pathway p on p.pathway_id = " + alias + ".pathway_id" : "";
  }

  Map<String, Object> with(LocalDate from, LocalDate to, LocalDate asOf) {
    var all = new HashMap<>(params);
    all.put("from", from);
    all.put("to", to);
    all.put("asOf", asOf);
    return all;
  }
}
