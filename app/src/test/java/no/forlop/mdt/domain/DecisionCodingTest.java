package no.forlop.mdt.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import no.forlop.pathway.CodeState;
import org.junit.jupiter.api.Test;

/** The rule MDT-DECISION: from a decision in a meeting to the clinical-decision code. */
class DecisionCodingTest {

  static final UUID MEETING = UUID.fromString("00000000-0000-0000-0000-00000000000a");
  static final LocalDate MEETING_DAY = LocalDate.parse("2024-12-17");
  static final LocalDate TODAY = LocalDate.parse("2024-12-31");

  static Decision decision(LocalDate discussedOn) {
    return new Decision("CK", TreatmentIntention.CURATIVE, discussedOn);
  }

  @Test
  void a_decision_discussed_with_the_patient_is_registered_on_the_day_of_the_conversation() {
    var code =
        DecisionCoding.codeFor(
            MEETING, MEETING_DAY, "Colorectal", decision(LocalDate.parse("2024-12-19")));

    assertThat(code.key()).isEqualTo("CK");
    assertThat(code.state()).isEqualTo(CodeState.REGISTERED);
    assertThat(code.date()).isEqualTo(LocalDate.parse("2024-12-19"));
    assertThat(code.note()).isNull();
  }

  @Test
  void a_decision_discussed_on_the_day_of_the_meeting_is_registered_on_that_day() {
    var code = DecisionCoding.codeFor(MEETING, MEETING_DAY, "Colorectal", decision(MEETING_DAY));

    assertThat(code.state()).isEqualTo(CodeState.REGISTERED);
    assertThat(code.date()).isEqualTo(MEETING_DAY);
  }

  @Test
  void
      a_decision_not_yet_discussed_is_proposed_on_the_day_of_the_meeting_awaiting_the_conversation() {
    var code = DecisionCoding.codeFor(MEETING, MEETING_DAY, "Colorectal", decision(null));

    assertThat(code.state()).isEqualTo(CodeState.PROPOSED);
    assertThat(code.date()).isEqualTo(MEETING_DAY);
    assertThat(code.note().english())
        .contains("Awaits the conversation with the patient", "2024-12-17");
  }

  @Test
  void the_trace_keeps_the_meeting_the_outcome_the_intention_and_the_conversation() {
    var discussed =
        DecisionCoding.codeFor(
            MEETING, MEETING_DAY, "Colorectal", decision(LocalDate.parse("2024-12-19")));
    var notYet = DecisionCoding.codeFor(MEETING, MEETING_DAY, "Colorectal", decision(null));

    assertThat(discussed.inputs())
        .containsEntry("meeting", MEETING.toString())
        .containsEntry("meetingDate", "2024-12-17")
        .containsEntry("team", "Colorectal")
        .containsEntry("outcome", "CK")
        .containsEntry("intention", "CURATIVE")
        .containsEntry("discussedWithPatient", "true")
        .containsEntry("discussedOn", "2024-12-19");
    assertThat(notYet.inputs())
        .containsEntry("discussedWithPatient", "false")
        .doesNotContainKey("discussedOn");
    assertThat(DecisionCoding.source(MEETING)).isEqualTo("MdtMeeting/" + MEETING);
  }

  @Test
  void a_conversation_after_the_meeting_corrects_the_proposal_to_its_day_and_confirms_it() {
    var followUp =
        DecisionCoding.onConversation(
            MEETING_DAY, MEETING_DAY, CodeState.PROPOSED, LocalDate.parse("2024-12-20"));

    assertThat(followUp.newDate()).isEqualTo(LocalDate.parse("2024-12-20"));
    assertThat(followUp.confirm()).isTrue();
    assertThat(followUp.reason().english()).contains("2024-12-20", "2024-12-17");
  }

  @Test
  void a_conversation_on_the_day_of_the_meeting_only_confirms_the_proposal() {
    var followUp =
        DecisionCoding.onConversation(MEETING_DAY, MEETING_DAY, CodeState.PROPOSED, MEETING_DAY);

    assertThat(followUp.newDate()).isNull();
    assertThat(followUp.confirm()).isTrue();
  }

  @Test
  void a_code_a_coordinator_already_confirmed_is_only_moved_to_the_day_of_the_conversation() {
    var followUp =
        DecisionCoding.onConversation(
            MEETING_DAY, MEETING_DAY, CodeState.REGISTERED, LocalDate.parse("2024-12-20"));

    assertThat(followUp.newDate()).isEqualTo(LocalDate.parse("2024-12-20"));
    assertThat(followUp.confirm()).isFalse();
  }

  @Test
  void a_decision_can_be_recorded_from_the_day_of_the_meeting_but_not_before() {
    assertThat(DecisionCoding.check(TODAY, decision(null), TODAY)).isEmpty();
    assertThat(DecisionCoding.check(TODAY.plusDays(1), decision(null), TODAY))
        .contains(MdtProblem.MEETING_NOT_HELD);
  }

  @Test
  void the_conversation_is_on_or_after_the_meeting_and_not_after_today() {
    assertThat(DecisionCoding.check(MEETING_DAY, decision(MEETING_DAY), TODAY)).isEmpty();
    assertThat(DecisionCoding.check(MEETING_DAY, decision(TODAY), TODAY)).isEmpty();
    assertThat(DecisionCoding.check(MEETING_DAY, decision(MEETING_DAY.minusDays(1)), TODAY))
        .contains(MdtProblem.CONVERSATION_BEFORE_MEETING);
    assertThat(DecisionCoding.check(MEETING_DAY, decision(TODAY.plusDays(1)), TODAY))
        .contains(MdtProblem.CONVERSATION_IN_FUTURE);
  }
}
