package no.forlop.reporting.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import no.forlop.testing.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** {@code bin/forlop report} against a running Forløp. */
class ReportCommandIT extends ApplicationTest {

  @TempDir Path folder;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int report(Map<String, String> env, String... args) {
    var all = new String[args.length + 2];
    all[0] = "--url";
    all[1] = "http://localhost:" + port;
    System.arraycopy(args, 0, all, 2, args.length);
    return ReportCommand.run(
        all,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        env);
  }

  @Test
  void json_goes_to_standard_output() {
    int code =
        report(
            Map.of("FORLOP_USER", "lise", "FORLOP_PASSWORD", "demo"),
            "--from",
            "2024-01-01",
            "--to",
            "2024-12-31",
            "--format",
            "json");
    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    var json = JsonMapper.builder().build().readTree(out.toString(StandardCharsets.UTF_8));
    assertThat(json.path("query").path("from").asString()).isEqualTo("2024-01-01");
    assertThat(json.has("activity")).isTrue();
    assertThat(json.path("suppressBelow").asInt()).isEqualTo(3);
  }

  @Test
  void a_file_is_written_with_out() throws Exception {
    var file = folder.resolve("indicators.json");
    int code =
        report(
            Map.of("FORLOP_PASSWORD", "demo"),
            "--user",
            "lise",
            "--from",
            "2024-01-01",
            "--to",
            "2024-01-31",
            "--format",
            "json",
            "--out",
            file.toString());
    assertThat(code).isZero();
    assertThat(Files.readString(file)).contains("\"targets\"");
    assertThat(out.size()).isZero();
  }

  @Test
  void csv_and_xlsx_are_the_dashboards_tables_suppressed() throws Exception {
    var env = Map.of("FORLOP_USER", "lise", "FORLOP_PASSWORD", "demo");
    int code = report(env, "--from", "2024-01-01", "--to", "2024-12-31", "--format", "csv");
    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    var csv = out.toByteArray();
    assertThat(csv[0] & 0xff).isEqualTo(0xEF); // UTF-8 byte order mark, for Excel
    var text = new String(csv, StandardCharsets.UTF_8);
    assertThat(text).contains(";").contains("\r\n").contains("OF4");
    // in Norwegian by default, as the dashboard's downloads (issue 16)
    assertThat(text).contains("Aktivitet").contains("Startet").doesNotContain("Activity");

    var file = folder.resolve("indicators.xlsx");
    code =
        report(
            env,
            "--from",
            "2024-01-01",
            "--to",
            "2024-12-31",
            "--format",
            "xlsx",
            "--out",
            file.toString());
    assertThat(code).isZero();
    var bytes = Files.readAllBytes(file);
    assertThat(new String(bytes, 0, 2, StandardCharsets.US_ASCII)).isEqualTo("PK"); // a zip
    try (var workbook =
        org.apache.poi.ss.usermodel.WorkbookFactory.create(
            new java.io.ByteArrayInputStream(bytes))) {
      assertThat(workbook.getNumberOfSheets()).isGreaterThan(1);
    }
  }

  @Test
  void a_wrong_password_exits_1_with_forlops_reason() {
    int code =
        report(
            Map.of("FORLOP_PASSWORD", "wrong"),
            "--user",
            "lise",
            "--from",
            "2024-01-01",
            "--to",
            "2024-01-31",
            "--format",
            "json");
    assertThat(code).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("401")
        .contains("Du er ikke logget inn");
  }

  @Test
  void lang_en_writes_the_tables_and_forlops_reasons_in_english() {
    var env = Map.of("FORLOP_USER", "lise", "FORLOP_PASSWORD", "demo");
    int code =
        report(
            env, "--from", "2024-01-01", "--to", "2024-12-31", "--format", "csv", "--lang", "en");
    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("Activity")
        .contains("Started")
        .doesNotContain("Aktivitet");

    code =
        report(
            Map.of("FORLOP_USER", "lise", "FORLOP_PASSWORD", "wrong"),
            "--from",
            "2024-01-01",
            "--to",
            "2024-01-31",
            "--format",
            "json",
            "--lang",
            "en");
    assertThat(code).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("You are not signed in");
  }

  @Test
  void an_unwritable_file_exits_2() {
    int code =
        report(
            Map.of("FORLOP_PASSWORD", "demo"),
            "--user",
            "lise",
            "--from",
            "2024-01-01",
            "--to",
            "2024-01-31",
            "--format",
            "json",
            "--out",
            folder.resolve("no/such/folder/x.json").toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot write");
  }

  @Test
  void forlop_not_running_exits_1() {
    int code =
        ReportCommand.run(
            new String[] {
              "--url",
              "http://localhost:1",
              "--user",
              "lise",
              "--from",
              "2024-01-01",
              "--to",
              "2024-01-31",
              "--format",
              "json"
            },
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            Map.of());
    assertThat(code).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot reach");
  }
}
