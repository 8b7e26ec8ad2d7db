package no.forlop.ingest;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import no.forlop.coding.DerivingCodes;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Understands what of the deliveries received could not be used, and why: the resources rejected or
 * ignored at intake (kept with their reasons in nb and en), counted by reason for a bulk job's
 * summary, and the problems the last derivation of each patient met. The integration engineer's
 * view of what to fix at the source.
 */
@Service
public class IntakeProblems {

  private final JdbcClient jdbc;
  private final DerivingCodes coding;

  IntakeProblems(JdbcClient jdbc, DerivingCodes coding) {
    this.jdbc = jdbc;
    this.coding = coding;
  }

  /**
   * The latest resources that could not be used, newest first, with the delivery each came in (the
   * integration engineer's view of what to fix at the source).
   *
   * @param outcome rejected or ignored resources
   * @param channel only those of deliveries of this channel (e.g. {@code bulk:<job>}), or all
   * @param language the language of the reasons
   */
  public List<RejectedResource> latestNotUsed(
      IntakeReport.Outcome outcome, @Nullable String channel, int limit, Locale language) {
    var english = "en".equals(language.getLanguage());
    return jdbc.sql(
            """
            select r.source, r.location, r.outcome, r.reason_code, r.reason, r.reason_nb,
                   r.delivery, d.channel, r.received_at
            from received_resource r join delivery d on d.id = r.delivery
            where r.outcome = :outcome and r.outcome <> 'ACCEPTED'
              and (cast(:channel as text) is null or d.channel = :channel)
            order by r.received_at desc, r.seq desc limit :limit
            """)
        .param("outcome", outcome.name())
        .param("channel", channel)
        .param("limit", limit)
        .query(
            (rs, n) ->
                new RejectedResource(
                    rs.getString("source"),
                    rs.getString("location"),
                    IntakeReport.Outcome.valueOf(rs.getString("outcome")),
                    rs.getString("reason_code"),
                    english || rs.getString("reason_nb") == null
                        ? rs.getString("reason")
                        : rs.getString("reason_nb"),
                    rs.getObject("delivery", UUID.class),
                    rs.getString("channel"),
                    rs.getObject("received_at", OffsetDateTime.class).toInstant()))
        .list();
  }

  /**
   * How many resources of the deliveries of a channel were rejected and ignored, by reason code (a
   * bulk job's summary: {@code NUL_CHARACTER: 1}); codes of older rows are {@code UNKNOWN}.
   */
  public Map<String, Long> notUsedByReason(String channel, IntakeReport.Outcome outcome) {
    var counts = new java.util.TreeMap<String, Long>();
    jdbc.sql(
            """
            select coalesce(r.reason_code, 'UNKNOWN') as code, count(*) as n
            from received_resource r join delivery d on d.id = r.delivery
            where d.channel = :channel and r.outcome = :outcome and r.outcome <> 'ACCEPTED'
            group by 1
            """)
        .param("channel", channel)
        .param("outcome", outcome.name())
        .query((rs, n) -> counts.put(rs.getString("code"), rs.getLong("n")))
        .list();
    return counts;
  }

  /** What the last derivation of each patient could not use, and why, in English. */
  public List<IntakeReport.Problem> derivationProblems() {
    return derivationProblems(Locale.ENGLISH);
  }

  /**
   * What the last derivation of each patient could not use, and why, in this language (Norwegian
   * bokmål unless English), with the problem's stable code.
   */
  public List<IntakeReport.Problem> derivationProblems(Locale language) {
    return coding.problems().stream()
        .map(p -> new IntakeReport.Problem(p.source(), p.code().name(), p.text(language)))
        .toList();
  }

  /** The resources that could not be used, newest first (the integration engineer's view). */
  public List<IntakeReport.Problem> rejections(int limit) {
    var problems = new ArrayList<IntakeReport.Problem>();
    problems.addAll(
        jdbc.sql(
                """
                select source, reason from received_resource where outcome = 'REJECTED'
                order by received_at desc, seq desc limit :limit
                """)
            .param("limit", limit)
            .query(
                (rs, n) -> new IntakeReport.Problem(rs.getString("source"), rs.getString("reason")))
            .list());
    problems.addAll(derivationProblems());
    return problems;
  }
}
