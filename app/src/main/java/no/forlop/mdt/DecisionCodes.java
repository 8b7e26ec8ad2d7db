package no.forlop.mdt;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import no.forlop.access.Actor;
import no.forlop.mdt.MdtService.CodeResult;
import no.forlop.mdt.MdtStore.CodeOutcome;
import no.forlop.mdt.domain.DecisionCode;
import no.forlop.mdt.domain.DecisionCoding;
import no.forlop.pathway.ChangeResult;
import no.forlop.pathway.Origin;
import no.forlop.pathway.PathwayId;
import no.forlop.pathway.PathwayService;
import no.forlop.pathway.PathwayView;
import no.forlop.pathway.RegisterCode;
import no.forlop.pathway.RegistrationId;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Carries a meeting's decision through to the pathway: registers the clinical-decision code that
 * follows from it (rule {@link DecisionCoding#RULE}, origin derived from the meeting), and, once
 * the decision has been discussed with the patient, corrects that code to the day of the
 * conversation and confirms it. A refusal by the pathway engine is a value, kept with the decision.
 * Runs in the caller's transaction ({@link MdtService}).
 */
@Component
class DecisionCodes {

  private final PathwayService pathways;

  DecisionCodes(PathwayService pathways) {
    this.pathways = pathways;
  }

  /** What became of the code, as stored with the decision and as shown to the user. */
  record Registered(CodeOutcome outcome, CodeResult result) {}

  /** Registers the clinical-decision code that follows from a decision of the meeting. */
  Registered register(Meeting meeting, UUID pathway, DecisionCode code, Actor actor) {
    var origin =
        Origin.derived(
            DecisionCoding.RULE,
            DecisionCoding.RULESET_VERSION,
            List.of(DecisionCoding.source(meeting.id())),
            code.inputs());
    var result =
        pathways.register(
            new PathwayId(pathway),
            new RegisterCode(
                code.key(), code.date(), code.state(), origin, null, null, null, code.note()),
            actor);
    if (result instanceof ChangeResult.Changed changed) {
      var registration = changed.fact().registration();
      return new Registered(
          new CodeOutcome(registration, null),
          new CodeResult(codeOf(changed.pathway(), registration), null));
    }
    var rejection = ((ChangeResult.Refused) result).rejection();
    return new Registered(new CodeOutcome(null, rejection), new CodeResult(null, rejection));
  }

  /**
   * After the decision has been discussed with the patient on {@code on}: corrects the code it
   * produced to that day and confirms it, as far as the conversation requires ({@link
   * DecisionCoding#onConversation}); stops at the first refusal.
   */
  Registered followUp(
      Meeting meeting, UUID pathway, PathwayView.Code current, LocalDate on, Actor actor) {
    var registration = current.registration().value();
    var followUp =
        DecisionCoding.onConversation(meeting.date(), current.date(), current.state(), on);
    var code = current;
    var newDate = followUp.newDate();
    if (newDate != null) {
      var corrected =
          pathways.correct(
              new PathwayId(pathway),
              new RegistrationId(registration),
              null,
              newDate,
              followUp.reason(),
              actor);
      if (corrected instanceof ChangeResult.Refused refused) {
        return new Registered(
            new CodeOutcome(registration, refused.rejection()),
            new CodeResult(code, refused.rejection()));
      }
      code = codeOf(((ChangeResult.Changed) corrected).pathway(), registration);
    }
    if (followUp.confirm()) {
      var confirmed =
          pathways.confirm(new PathwayId(pathway), new RegistrationId(registration), actor);
      if (confirmed instanceof ChangeResult.Refused refused) {
        return new Registered(
            new CodeOutcome(registration, refused.rejection()),
            new CodeResult(code, refused.rejection()));
      }
      code = codeOf(((ChangeResult.Changed) confirmed).pathway(), registration);
    }
    return new Registered(new CodeOutcome(registration, null), new CodeResult(code, null));
  }

  /** A registration's code as the pathway shows it, if it still stands. */
  static PathwayView.@Nullable Code codeOf(PathwayView view, UUID registration) {
    return view.codes().stream()
        .filter(c -> c.registration().value().equals(registration))
        .findFirst()
        .orElse(null);
  }
}
