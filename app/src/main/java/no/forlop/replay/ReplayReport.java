package no.forlop.replay;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import no.forlop.calendar.DayType;
import no.forlop.pathway.CodeState;
import no.forlop.pathway.LeadTime;
import no.forlop.pathway.PathwayView;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The replay's one JSON document, in the shape of ../shared/acceptance/CONTRACT.md §4. */
final class ReplayReport {

  private static final JsonMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private final LocalDate asOf;
  private final List<Pathway> pathways = new ArrayList<>();
  private final LinkedHashMap<String, Rejected> rejected = new LinkedHashMap<>();
  private final LinkedHashMap<String, Rejected> ignored = new LinkedHashMap<>();
  private HandCodedComparison.@Nullable Report comparison;

  ReplayReport(LocalDate asOf) {
    this.asOf = asOf;
  }

  LocalDate asOf() {
    return asOf;
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Document(
      LocalDate asOf,
      List<Pathway> pathways,
      List<Rejected> rejected,
      List<Rejected> ignored,
      HandCodedComparison.@Nullable Report comparison) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Pathway(
      String patient,
      String pathway,
      String organisation,
      String state,
      String catalogueVersion,
      List<Code> codes,
      List<Milestone> milestones,
      List<Lead> leadTimes) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Code(
      String code,
      LocalDate date,
      CodeState state,
      String origin,
      @Nullable String rule,
      @Nullable String rulesetVersion,
      List<String> sources) {}

  record Milestone(String type, LocalDate date, String rule, List<String> sources) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Lead(
      String indicator,
      @Nullable String treatment,
      LocalDate from,
      @Nullable LocalDate to,
      @Nullable Long days,
      @Nullable Long elapsedDays,
      @Nullable Integer standardDays,
      DayType dayType,
      @Nullable LocalDate dueDate,
      LeadTime.Status status,
      @Nullable Integer unverifiedStandardDays,
      boolean patientDelayed,
      LeadTime.@Nullable NotJudged notJudged) {}

  /**
   * A resource that was not used.
   *
   * @param code the stable reason code (an intake reason, or a derivation problem's)
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Rejected(String source, @Nullable String code, String reason) {}

  void reject(String source, @Nullable String code, String reason) {
    rejected.putIfAbsent(source + "\n" + reason, new Rejected(source, code, reason));
  }

  /** A resource received but not used, and why (nothing is left out in silence). */
  void ignore(String source, @Nullable String code, String reason) {
    ignored.putIfAbsent(source + "\n" + reason, new Rejected(source, code, reason));
  }

  void add(PathwayView view) {
    pathways.add(
        new Pathway(
            view.patient().value(),
            view.codePrefix() != null ? view.codePrefix() : view.pathway().value(),
            view.organisation().value(),
            view.state().name(),
            view.catalogueVersion(),
            view.codes().stream()
                .map(
                    c ->
                        new Code(
                            c.code() != null ? c.code() : c.key(),
                            c.date(),
                            c.state(),
                            c.origin(),
                            c.rule(),
                            c.rulesetVersion(),
                            c.sources()))
                .toList(),
            view.milestones().stream()
                .map(m -> new Milestone(m.type(), m.date(), m.rule(), m.sources()))
                .toList(),
            view.leadTimes().stream()
                .map(
                    l ->
                        new Lead(
                            l.indicator(),
                            l.treatment(),
                            l.from(),
                            l.to(),
                            l.days(),
                            l.elapsedDays(),
                            l.standardDays(),
                            l.dayType(),
                            l.dueDate(),
                            l.status(),
                            l.unverifiedStandardDays(),
                            l.patientDelayed(),
                            l.notJudged()))
                .toList()));
  }

  /** Adds the agreement with the codes that were typed by hand (registered codes only). */
  void compareWith(List<HandCodedComparison.Coded> byHand) {
    var derived = new ArrayList<HandCodedComparison.Coded>();
    for (var pathway : pathways) {
      for (var code : pathway.codes()) {
        if (code.state() == CodeState.REGISTERED) {
          derived.add(
              new HandCodedComparison.Coded(
                  pathway.patient(), pathway.organisation(), code.code(), code.date()));
        }
      }
    }
    comparison = HandCodedComparison.compare(byHand, derived);
  }

  String toJson() {
    return JSON.writeValueAsString(
        new Document(
            asOf,
            pathways,
            List.copyOf(rejected.values()),
            List.copyOf(ignored.values()),
            comparison));
  }
}
