package no.forlop.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.forlop.access.Actor;
import no.forlop.testing.ApplicationTest;
import no.forlop.testing.ColorectalHistory;
import no.forlop.testing.TestPatients;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the faster bulk intake (ADR 0030) must not change: a chunk's patients derived on two threads
 * get the codes, traces and audit entries one thread gives them, and what the intake keeps of a
 * resource with {@code COPY} is the text as it came, whatever characters it holds.
 */
class BulkIntakeSpeedIT extends ApplicationTest {

  private static final Actor EHR = new Actor("ehr", "INTEGRATION");

  @Autowired IntakeService intake;
  @Autowired JdbcClient jdbc;

  @Test
  void patients_derived_on_two_threads_get_what_one_thread_gives_them() {
    var org = "speed-org";
    var alone = patients(20);
    var split = patients(20);
    var lines =
        new StringBuilder(ColorectalHistory.json(ColorectalHistory.organisation(org)) + "\n");
    for (var patient : alone) {
      ndjson(lines, patient, org);
    }
    for (var patient : split) {
      ndjson(lines, patient, org);
    }
    var report = intake.receiveLines(bytes(lines.toString()), 1, "speed-test", EHR, false);
    assertThat(report.patients()).containsAll(keys(alone)).containsAll(keys(split));

    intake.derive(keys(alone), 1);
    intake.derive(keys(split), 2);

    var codesAlone = alone.stream().map(this::codesOf).toList();
    var codesSplit = split.stream().map(this::codesOf).toList();
    assertThat(codesAlone.get(0))
        .as("the colorectal history's four codes, each with its rule")
        .hasSize(4)
        .allSatisfy(code -> assertThat(code).doesNotContain("null"));
    assertThat(codesSplit).isEqualTo(codesAlone);
    assertThat(split.stream().map(this::auditOf).toList())
        .isEqualTo(alone.stream().map(this::auditOf).toList())
        .allSatisfy(audit -> assertThat(audit).isNotEmpty());
  }

  @Test
  void deriving_on_two_threads_a_set_too_small_to_split_still_derives_every_patient() {
    var org = "speed-small";
    var few = patients(3);
    var lines =
        new StringBuilder(ColorectalHistory.json(ColorectalHistory.organisation(org)) + "\n");
    few.forEach(patient -> ndjson(lines, patient, org));
    intake.receiveLines(bytes(lines.toString()), 1, "speed-test", EHR, false);

    intake.derive(keys(few), 2);

    assertThat(few.stream().map(this::codesOf).toList()).allSatisfy(c -> assertThat(c).hasSize(4));
  }

  @Test
  void a_rejected_line_is_kept_as_it_came_whatever_characters_it_holds() {
    // a tab and a carriage return between tokens (JSON whitespace), backslashes, quotes, letters
    // beyond ASCII and a line-feed escape inside a string: COPY's own separators and escapes
    var odd =
        "{\"resourceType\":\t\"Encounter\",\r\"id\":\"odd\",\"status\":\"no-such-status\","
            + "\"subject\":{\"reference\":\"Patient/Ærø\\\\\\\\x\"},"
            + "\"text\":{\"status\":\"generated\",\"div\":\"a\\\\N b\\\\t \\\" \\n 😀\"}}";
    var report =
        intake.receiveLines(bytes(odd + "\n"), 41, "speed-test-" + TestPatients.next(), EHR, false);

    assertThat(report.rejected()).hasSize(1);
    var kept =
        jdbc.sql(
                "select json, source, location, reason from received_resource"
                    + " where delivery = :d")
            .param("d", report.delivery())
            .query((rs, n) -> Map.of("json", rs.getString("json"), "source", rs.getString(2)))
            .single();
    assertThat(kept.get("json")).isEqualTo(odd);
    assertThat(kept.get("source")).isEqualTo(report.rejected().get(0).source());
  }

  private static List<String> patients(int n) {
    var patients = new ArrayList<String>();
    for (int i = 0; i < n; i++) {
      patients.add(TestPatients.next());
    }
    return patients;
  }

  /** The keys the intake knows the patients by (their Patient resources'). */
  private static List<String> keys(List<String> patients) {
    return patients.stream().map(p -> "Patient/" + ColorectalHistory.id(p, "p")).toList();
  }

  private static void ndjson(StringBuilder lines, String patient, String org) {
    for (var resource : ColorectalHistory.of(patient, org)) {
      lines.append(ColorectalHistory.json(resource)).append('\n');
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** The patient's code facts as the derivation left them: code, date, state, rule, sources. */
  private List<String> codesOf(String patient) {
    return jdbc.sql(
            """
            select f.kind, f.code, f.code_date, f.state, f.rule_id, f.ruleset_version,
                   regexp_replace(f.sources, '[0-9]{11}', 'P', 'g') as sources
            from pathway_fact f join pathway p on p.id = f.pathway_id
            where p.patient = :patient order by f.code_date, f.code
            """)
        .param("patient", patient)
        .query(
            (rs, n) ->
                String.join(
                    " ",
                    rs.getString("kind"),
                    rs.getString("code"),
                    rs.getString("code_date"),
                    rs.getString("state"),
                    rs.getString("rule_id"),
                    rs.getString("ruleset_version"),
                    rs.getString("sources")))
        .list();
  }

  private List<String> auditOf(String patient) {
    return jdbc.sql(
            """
            select action, actor, regexp_replace(details, '[0-9a-f-]{36}', 'ID', 'g') as details
            from audit_event where patient = :patient order by id
            """)
        .param("patient", patient)
        .query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3))
        .list();
  }
}
