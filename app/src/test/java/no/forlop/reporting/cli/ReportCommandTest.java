package no.forlop.reporting.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportCommandTest {

  @Test
  void a_full_command_line_becomes_the_api_query() throws Exception {
    var request =
        ReportCommand.parse(
            new String[] {
              "--from",
              "2024-01-01",
              "--to=2024-12-31",
              "--pathway",
              "colorectal",
              "--org",
              "910000012",
              "--org=910000020",
              "--age-band",
              "AGE_70_79",
              "--sex",
              "FEMALE",
              "--format",
              "csv",
              "--out",
              "ut.csv",
              "--url",
              "http://forlop.example:8080/",
              "--user",
              "lise"
            },
            null);
    assertThat(request.from()).isEqualTo(LocalDate.parse("2024-01-01"));
    assertThat(request.organisations()).isEqualTo(List.of("910000012", "910000020"));
    assertThat(request.user()).isEqualTo("lise");
    assertThat(request.uri().toString())
        .isEqualTo(
            "http://forlop.example:8080/api/v1/indicators?from=2024-01-01&to=2024-12-31"
                + "&pathway=colorectal&organisation=910000012&organisation=910000020"
                + "&ageBand=AGE_70_79&sex=FEMALE&format=csv");
  }

  @Test
  void the_user_may_come_from_the_environment() throws Exception {
    var request =
        ReportCommand.parse(
            new String[] {"--from", "2024-01-01", "--to", "2024-01-31", "--format", "json"},
            "kari");
    assertThat(request.user()).isEqualTo("kari");
    assertThat(request.out()).isNull();
    assertThat(request.language()).isEqualTo("nb");
  }

  @Test
  void lang_chooses_the_language_of_the_tables() throws Exception {
    var english =
        ReportCommand.parse(
            new String[] {
              "--from", "2024-01-01", "--to", "2024-01-31", "--format", "csv", "--lang", "en"
            },
            "kari");
    assertThat(english.language()).isEqualTo("en");
    assertRefused("--from 2024-01-01 --to 2024-01-31 --format csv --user a --lang de", "nb or en");
  }

  @Test
  void wrong_command_lines_are_refused_with_the_reason() {
    assertRefused("--to 2024-01-31 --format json --user a", "--from and --to are required");
    assertRefused("--from 2024-02-01 --to 2024-01-31 --format json --user a", "is before");
    assertRefused("--from 2024-13-01 --to 2024-01-31 --format json --user a", "YYYY-MM-DD");
    assertRefused("--from 2024-01-01 --to 2024-01-31 --format pdf --user a", "csv, json or xlsx");
    assertRefused("--from 2024-01-01 --to 2024-01-31 --user a", "--format is required");
    assertRefused("--from 2024-01-01 --to 2024-01-31 --format json", "--user or FORLOP_USER");
    assertRefused("--from 2024-01-01 --to 2024-01-31 --format json --user a --sex X", "FEMALE");
    assertRefused("--from 2024-01-01 --to 2024-01-31 --format json --user a --colour", "value");
    assertRefused("--from 2024-01-01 --to 2024-01-31 --format json --user a --x 1", "unknown");
    assertRefused(
        "--from 2024-01-01 --to 2024-01-31 --format json --user a --url ftp://x", "http://");
  }

  @Test
  void a_wrong_command_line_exits_2_and_help_exits_0() {
    var out = new ByteArrayOutputStream();
    var err = new ByteArrayOutputStream();
    int code =
        ReportCommand.run(
            new String[] {"--from", "x"},
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: bin/forlop report");

    var help = new ByteArrayOutputStream();
    assertThat(
            ReportCommand.run(
                new String[] {"--help"},
                new PrintStream(help, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)))
        .isZero();
    assertThat(help.toString(StandardCharsets.UTF_8)).startsWith("usage:");
  }

  @Test
  void the_text_of_an_operation_outcome_is_shown() {
    assertThat(
            ReportCommand.outcomeText(
                "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"details\":{\"text\":\"to is"
                    + " before from\"}}]}"))
        .isEqualTo("to is before from");
    assertThat(ReportCommand.outcomeText("<html>\nno")).isEqualTo("<html>");
  }

  private static void assertRefused(String commandLine, String reason) {
    assertThatThrownBy(() -> ReportCommand.parse(commandLine.split(" "), null))
        .isInstanceOf(ReportCommand.UsageException.class)
        .hasMessageContaining(reason);
  }
}
