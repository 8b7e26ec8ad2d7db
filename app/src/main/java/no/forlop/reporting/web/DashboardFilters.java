package no.forlop.reporting.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import no.forlop.patient.PatientIdentifier.Sex;
import no.forlop.reporting.AgeBand;
import no.forlop.reporting.IndicatorQuery;
import org.jspecify.annotations.Nullable;

/**
 * The dashboard's filters as the URL has them (so a view can be shared as a link), read leniently:
 * a value that is not one falls back to its default and {@code invalid} says so.
 *
 * @param indicator the indicator the charts show
 */
record DashboardFilters(
    LocalDate from,
    LocalDate to,
    @Nullable String pathway,
    @Nullable String unit,
    @Nullable AgeBand ageBand,
    @Nullable Sex sex,
    String indicator,
    boolean invalid) {

  static final String DEFAULT_INDICATOR = "OF4";

  /** The filters as the request's parameters give them, unread (every one may be missing). */
  record Params(
      @Nullable String from,
      @Nullable String to,
      @Nullable String pathway,
      @Nullable String unit,
      @Nullable String ageBand,
      @Nullable String sex,
      @Nullable String indicator) {}

  /** Defaults: this year up to today, every pathway and unit of the reader, all patients, OF4. */
  static DashboardFilters parse(LocalDate today, Params params, Set<String> indicators) {
    var indicator = params.indicator();
    boolean[] invalid = {false};
    var start = date(params.from(), today.withDayOfYear(1), invalid);
    var end = date(params.to(), today, invalid);
    if (end.isBefore(start) || start.plusYears(50).isBefore(end)) {
      invalid[0] = true;
      start = today.withDayOfYear(1);
      end = today;
    }
    var chart =
        indicator != null && indicators.contains(indicator.strip())
            ? indicator.strip()
            : DEFAULT_INDICATOR;
    if (indicator != null && !indicator.isBlank() && !chart.equals(indicator.strip())) {
      invalid[0] = true;
    }
    return new DashboardFilters(
        start,
        end,
        blank(params.pathway()),
        blank(params.unit()),
        value(AgeBand.class, params.ageBand(), invalid),
        value(Sex.class, params.sex(), invalid),
        chart,
        invalid[0]);
  }

  IndicatorQuery query() {
    return new IndicatorQuery(
        from, to, pathway, unit == null ? Set.of() : Set.of(unit), ageBand, sex);
  }

  /** The filters as URL parameters, leaving out what is the default. */
  Map<String, String> params() {
    var params = new LinkedHashMap<String, String>();
    params.put("from", from.toString());
    params.put("to", to.toString());
    if (pathway != null) {
      params.put("pathway", pathway);
    }
    if (unit != null) {
      params.put("unit", unit);
    }
    if (ageBand != null) {
      params.put("ageBand", ageBand.name());
    }
    if (sex != null) {
      params.put("sex", sex.name());
    }
    params.put("indicator", indicator);
    return params;
  }

  /** {@code path?from=…&to=…} plus the extra parameters (those that are not {@code null}). */
  String link(String path, Map<String, @Nullable String> extra) {
    var all = new LinkedHashMap<String, @Nullable String>(params());
    all.putAll(extra);
    return path
        + "?"
        + all.entrySet().stream()
            .filter(e -> e.getValue() != null)
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
  }

  private static @Nullable String blank(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static LocalDate date(@Nullable String value, LocalDate fallback, boolean[] invalid) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      invalid[0] = true;
      return fallback;
    }
  }

  private static <E extends Enum<E>> @Nullable E value(
      Class<E> type, @Nullable String value, boolean[] invalid) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      invalid[0] = true;
      return null;
    }
  }
}
