package no.forlop.mdt.domain;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.UUID;
import no.forlop.pathway.CodeState;
import no.forlop.pathway.Remark;
import org.jspecify.annotations.Nullable;

/**
 * The rule {@value #RULE}: which clinical-decision code follows from a decision recorded in an MDT
 * meeting. The coding guide registers the clinical decision when the work-up is finished,
 * preferably when the final decision is taken together with the patient; so a decision already
 * discussed with the patient is <b>registered</b>, dated the day of that conversation, and one not
 * yet discussed is only <b>proposed</b>, dated the day of the meeting, until the conversation is
 * recorded: the proposal is then corrected to that day and confirmed. Pure: today comes in as a
 * parameter.
 */
public final class DecisionCoding {

  /** The rule's id in the codes' trace. */
  public static final String RULE = "MDT-DECISION";

  /** The version of this rule set (one rule), kept in the codes' trace. */
  public static final String RULESET_VERSION = "mdt-1";

  /** The question the rule answers. */
  public static final String QUESTION =
      "Has an MDT meeting taken the clinical decision, and has it been discussed with the patient?";

  private DecisionCoding() {}

  /** What identifies the meeting in a code's trace ({@code MdtMeeting/<id>}). */
  public static String source(UUID meeting) {
    return "MdtMeeting/" + meeting;
  }

  /** Whether a decision can be recorded in a meeting held on {@code meetingDate}. */
  public static Optional<MdtProblem> check(
      LocalDate meetingDate, Decision decision, LocalDate today) {
    if (meetingDate.isAfter(today)) {
      return Optional.of(MdtProblem.MEETING_NOT_HELD);
    }
    var discussedOn = decision.discussedOn();
    return discussedOn == null
        ? Optional.empty()
        : checkConversation(meetingDate, discussedOn, today);
  }

  /**
   * Whether a conversation with the patient on {@code discussedOn} can follow a meeting on {@code
   * meetingDate}: not before the meeting, not after today.
   */
  public static Optional<MdtProblem> checkConversation(
      LocalDate meetingDate, LocalDate discussedOn, LocalDate today) {
    if (discussedOn.isBefore(meetingDate)) {
      return Optional.of(MdtProblem.CONVERSATION_BEFORE_MEETING);
    }
    if (discussedOn.isAfter(today)) {
      return Optional.of(MdtProblem.CONVERSATION_IN_FUTURE);
    }
    return Optional.empty();
  }

  /** The code that follows from a decision taken in the meeting {@code meeting} of {@code team}. */
  public static DecisionCode codeFor(
      UUID meeting, LocalDate meetingDate, String team, Decision decision) {
    var inputs = new LinkedHashMap<String, String>();
    inputs.put("meeting", meeting.toString());
    inputs.put("meetingDate", meetingDate.toString());
    inputs.put("team", team);
    inputs.put("outcome", decision.outcome());
    inputs.put("intention", decision.intention().name());
    inputs.put("discussedWithPatient", String.valueOf(decision.discussedWithPatient()));
    var discussedOn = decision.discussedOn();
    if (discussedOn != null) {
      inputs.put("discussedOn", discussedOn.toString());
      return new DecisionCode(decision.outcome(), discussedOn, CodeState.REGISTERED, null, inputs);
    }
    return new DecisionCode(
        decision.outcome(),
        meetingDate,
        CodeState.PROPOSED,
        MdtNote.AWAITS_CONVERSATION.with(meetingDate),
        inputs);
  }

  /**
   * What to do with the code a meeting produced when the conversation with the patient is recorded
   * on {@code discussedOn}.
   *
   * @param date the code's date now
   * @param state the code's state now
   */
  public static FollowUp onConversation(
      LocalDate meetingDate, LocalDate date, CodeState state, LocalDate discussedOn) {
    var newDate = date.equals(discussedOn) ? null : discussedOn;
    return new FollowUp(
        newDate,
        state == CodeState.PROPOSED,
        MdtNote.DISCUSSED_WITH_PATIENT.with(discussedOn, meetingDate));
  }

  /**
   * The changes to an existing code once the decision has been discussed with the patient.
   *
   * @param newDate the date to correct the code to, or {@code null} when it already has it
   * @param confirm whether the code is a proposal to confirm
   * @param reason why (kept with the correction)
   */
  public record FollowUp(@Nullable LocalDate newDate, boolean confirm, Remark reason) {}
}
