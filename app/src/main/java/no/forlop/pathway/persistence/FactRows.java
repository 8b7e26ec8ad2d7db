package no.forlop.pathway.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import no.forlop.catalog.Milestone;
import no.forlop.catalog.StartRule.StartBasis;
import no.forlop.pathway.CodeFact;
import no.forlop.pathway.CodeRef;
import no.forlop.pathway.CodeState;
import no.forlop.pathway.Origin;
import no.forlop.pathway.Remark;
import org.jspecify.annotations.Nullable;

/**
 * How a pathway's facts map to rows of table {@code pathway_fact} and back: the columns selected,
 * the values of one batched insert, and a fact read from a row.
 */
final class FactRows {

  private FactRows() {}

  static final String SELECT_FACTS =
      """
      select pathway_id, seq, kind, registration_id, code_key, milestone, code, code_date, state,
             origin, rule_id, ruleset_version, sources, inputs, start_basis, reason, reason_key,
             reason_args, actor, recorded_at, catalogue_version
      from pathway_fact""";

  /** The columns {@link PathwayStore#appendAll} writes, in the order of {@link #values}. */
  static final List<String> COLUMNS =
      List.of(
          "pathway_id",
          "seq",
          "kind",
          "registration_id",
          "code_key",
          "milestone",
          "code",
          "code_date",
          "state",
          "origin",
          "rule_id",
          "ruleset_version",
          "sources",
          "inputs",
          "start_basis",
          "reason",
          "reason_key",
          "reason_args",
          "actor",
          "recorded_at",
          "catalogue_version");

  /** The values of one fact's row, in the order of {@link #COLUMNS}. */
  static Object[] values(UUID pathway, CodeFact fact) {
    var code = fact.code();
    return new Object[] {
      pathway,
      fact.seq(),
      fact.kind().name(),
      fact.registration(),
      code == null ? null : code.key(),
      code == null ? null : code.milestone().name(),
      code == null ? null : code.official(),
      fact.date(),
      fact.state() == null ? null : fact.state().name(),
      fact.origin().kind().name(),
      fact.origin().ruleId(),
      fact.origin().rulesetVersion(),
      String.join("\n", fact.origin().sources()),
      Inputs.write(fact.origin().inputs()),
      fact.startBasis() == null ? null : fact.startBasis().name(),
      reasonText(fact),
      reasonKey(fact),
      reasonArgs(fact),
      fact.actor(),
      OffsetDateTime.ofInstant(fact.recordedAt(), ZoneOffset.UTC),
      fact.catalogueVersion()
    };
  }

  /** The remark's text as stored: a person's words, or Forløp's own in English. */
  static @Nullable String reasonText(CodeFact fact) {
    var reason = fact.reason();
    return reason == null ? null : reason.isWritten() ? reason.args().get(0) : reason.english();
  }

  static @Nullable String reasonKey(CodeFact fact) {
    return fact.reason() == null ? null : fact.reason().key();
  }

  static String @Nullable [] reasonArgs(CodeFact fact) {
    var reason = fact.reason();
    return reason == null || reason.isWritten() ? null : reason.args().toArray(String[]::new);
  }

  /** The remark: by its key where it has one, else the text as written (or stored before keys). */
  private static @Nullable Remark reason(ResultSet rs) throws SQLException {
    var key = rs.getString("reason_key");
    if (key != null) {
      var args = rs.getArray("reason_args");
      return new Remark(key, args == null ? List.of() : List.of((String[]) args.getArray()));
    }
    return Remark.writtenOrNull(rs.getString("reason"));
  }

  static CodeFact fact(ResultSet rs, int n) throws SQLException {
    var key = rs.getString("code_key");
    var code =
        key == null
            ? null
            : new CodeRef(key, Milestone.valueOf(rs.getString("milestone")), rs.getString("code"));
    var date = rs.getObject("code_date", LocalDate.class);
    var state = rs.getString("state");
    var sources = rs.getString("sources");
    var origin =
        new Origin(
            Origin.Kind.valueOf(rs.getString("origin")),
            rs.getString("rule_id"),
            rs.getString("ruleset_version"),
            sources == null || sources.isEmpty() ? List.of() : Arrays.asList(sources.split("\n")),
            Inputs.read(rs.getString("inputs")));
    var basis = rs.getString("start_basis");
    return new CodeFact(
        rs.getInt("seq"),
        CodeFact.Kind.valueOf(rs.getString("kind")),
        rs.getObject("registration_id", UUID.class),
        code,
        date,
        state == null ? null : CodeState.valueOf(state),
        origin,
        basis == null ? null : StartBasis.valueOf(basis),
        reason(rs),
        rs.getString("actor"),
        rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
        rs.getString("catalogue_version"));
  }
}
