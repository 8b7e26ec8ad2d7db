package no.forlop.mdt.domain;

import java.time.LocalDate;
import java.util.Map;
import no.forlop.pathway.CodeState;
import no.forlop.pathway.Remark;
import org.jspecify.annotations.Nullable;

/**
 * The clinical-decision code that follows from an MDT decision: its key, date and state, the note a
 * proposal carries, and the inputs the rule looked at (kept in the code's trace).
 */
public record DecisionCode(
    String key,
    LocalDate date,
    CodeState state,
    @Nullable Remark note,
    Map<String, String> inputs) {

  public DecisionCode {
    inputs = Map.copyOf(inputs);
  }
}
