package no.forlop.ingest.referral;

import static no.forlop.ingest.referral.ReferralProgress.Milestone.CLOSED;
import static no.forlop.ingest.referral.ReferralProgress.Milestone.DECISION;
import static no.forlop.ingest.referral.ReferralProgress.Milestone.FIRST_ATTENDANCE;
import static no.forlop.ingest.referral.ReferralProgress.Milestone.STARTED;
import static no.forlop.ingest.referral.ReferralProgress.Milestone.TRANSFERRED;
import static no.forlop.ingest.referral.ReferralProgress.Milestone.TREATMENT_START;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;

/**
 * Where a referred patient's pathway stands, as the GP reads it: each step of the pathway is one
 * progress and one FHIR Task status, and the words for them are plain Norwegian (and English) with
 * dates as dd.MM.yyyy and no pathway codes.
 */
class ReferralProgressTest {

  /** A pathway code (A12A, A12S, C18.7 …) or a code word the GP does not use. */
  private static final Pattern INTERNAL =
      Pattern.compile("\\b[A-Z][0-9]{2}[A-Z0-9.]*\\b|PATHWAY|MILESTONE|_");

  @Test
  void a_referral_without_a_pathway_is_received_and_a_withdrawn_one_cancelled() {
    assertThat(ReferralProgress.of(List.of(), true, false)).isEqualTo(ReferralProgress.RECEIVED);
    assertThat(ReferralProgress.RECEIVED.taskStatus()).isEqualTo("received");
    assertThat(ReferralProgress.of(List.of(), true, true)).isEqualTo(ReferralProgress.CANCELLED);
    assertThat(ReferralProgress.CANCELLED.taskStatus()).isEqualTo("cancelled");
  }

  @Test
  void each_milestone_moves_the_progress_on() {
    assertThat(ReferralProgress.of(List.of(STARTED), true, false))
        .isEqualTo(ReferralProgress.STARTED);
    assertThat(ReferralProgress.STARTED.taskStatus()).isEqualTo("accepted");
    assertThat(ReferralProgress.of(List.of(STARTED, FIRST_ATTENDANCE), true, false))
        .isEqualTo(ReferralProgress.IN_WORKUP);
    assertThat(ReferralProgress.of(List.of(STARTED, FIRST_ATTENDANCE, DECISION), true, false))
        .isEqualTo(ReferralProgress.DECIDED);
    var treated = List.of(STARTED, FIRST_ATTENDANCE, DECISION, TREATMENT_START);
    assertThat(ReferralProgress.of(treated, true, false)).isEqualTo(ReferralProgress.IN_TREATMENT);
    for (var progress :
        List.of(
            ReferralProgress.IN_WORKUP, ReferralProgress.DECIDED, ReferralProgress.IN_TREATMENT)) {
      assertThat(progress.taskStatus()).isEqualTo("in-progress");
    }
  }

  @Test
  void a_pathway_that_ended_is_completed_and_one_transferred_on_is_still_in_progress() {
    assertThat(ReferralProgress.of(List.of(STARTED, CLOSED), false, false))
        .isEqualTo(ReferralProgress.CLOSED);
    assertThat(ReferralProgress.CLOSED.taskStatus()).isEqualTo("completed");
    assertThat(ReferralProgress.of(List.of(STARTED, FIRST_ATTENDANCE, TRANSFERRED), true, false))
        .as("transferred to a trust that carries on: still open there")
        .isEqualTo(ReferralProgress.IN_WORKUP);
    assertThat(ReferralProgress.of(List.of(STARTED, TRANSFERRED), false, false))
        .as("transferred out of Forløp's sight: closed here")
        .isEqualTo(ReferralProgress.CLOSED);
    assertThat(ReferralProgress.of(List.of(STARTED, DECISION), false, true))
        .as("a pathway that ran is what counts, not the referral's later status")
        .isEqualTo(ReferralProgress.CLOSED);
  }

  @Test
  void every_progress_and_milestone_has_plain_words_in_both_languages_without_codes()
      throws IOException {
    for (var language : List.of("", "_en")) {
      var texts = texts("/messages-gp" + language + ".properties");
      for (var progress : ReferralProgress.values()) {
        var text = texts.getProperty("gp.progress." + progress.name());
        assertThat(text).as(progress + language).isNotBlank();
        assertThat(INTERNAL.matcher(text).find()).as(text).isFalse();
      }
      for (var milestone : ReferralProgress.Milestone.values()) {
        var text = texts.getProperty("gp.milestone." + milestone.name());
        assertThat(text).as(milestone + language).isNotBlank();
        assertThat(INTERNAL.matcher(text).find()).as(text).isFalse();
      }
    }
  }

  @Test
  void the_business_status_is_the_progress_with_the_latest_milestones_date() {
    var messages = new StaticMessageSource();
    var nb = Locale.forLanguageTag("nb");
    messages.addMessage("gp.progress.IN_WORKUP", nb, "Utredning pågår");
    messages.addMessage("gp.progress.RECEIVED", nb, "Henvisningen er registrert");
    var workUp =
        status(
            ReferralProgress.IN_WORKUP,
            List.of(
                new ReferralStatus.Step(STARTED, LocalDate.of(2024, 11, 5), "910000012"),
                new ReferralStatus.Step(FIRST_ATTENDANCE, LocalDate.of(2024, 11, 12), null)));

    assertThat(ReferralWording.businessStatus(workUp, messages, nb))
        .isEqualTo("Utredning pågår (12.11.2024)");
    assertThat(
            ReferralWording.businessStatus(
                status(ReferralProgress.RECEIVED, List.of()), messages, nb))
        .as("nothing reached yet: no date")
        .isEqualTo("Henvisningen er registrert");
  }

  @Test
  void the_patient_is_shown_by_initials_and_prints_no_name() {
    var status = status(ReferralProgress.RECEIVED, List.of());
    assertThat(status.initials()).isEqualTo("K. T.");
    assertThat(status.toString()).doesNotContain("Kari", "Testesen");
    assertThat(status.writtenOn())
        .as("written 00:30 in Oslo, still the day before in UTC: Oslo's day")
        .isEqualTo(LocalDate.of(2024, 11, 5));
  }

  private static ReferralStatus status(ReferralProgress progress, List<ReferralStatus.Step> steps) {
    return new ReferralStatus(
        "ServiceRequest/sr1",
        List.of(),
        "01015000000",
        "Kari Testesen",
        LocalDate.of(1950, 1, 1),
        Instant.parse("2024-11-04T23:30:00Z"),
        "910000012",
        progress,
        steps,
        null);
  }

  private static Properties texts(String resource) throws IOException {
    var properties = new Properties();
    try (var in = ReferralProgressTest.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }
}
