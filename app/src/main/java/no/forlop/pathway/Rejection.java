package no.forlop.pathway;

import java.util.List;

/**
 * Why a code cannot be registered, corrected or withdrawn, as a value a coordinator can read: a
 * reason and its arguments, turned into text by the message files ({@code rejection.<REASON>}).
 */
public record Rejection(Reason reason, List<String> args) {

  public Rejection {
    args = List.copyOf(args);
  }

  public static Rejection of(Reason reason, Object... args) {
    return new Rejection(reason, java.util.Arrays.stream(args).map(String::valueOf).toList());
  }

  /** The English text, for logs and the command line (the web uses the message files). */
  public String englishText() {
    var text = reason.english;
    for (int i = 0; i < args.size(); i++) {
      text = text.replace("{" + i + "}", args.get(i));
    }
    return text;
  }

  /** The reasons, each with its English text; the arguments are numbered in that text. */
  public enum Reason {
    UNKNOWN_CODE("{0} is not a code of the pathway {1}."),
    PATHWAY_NOT_VALID_ON_DATE("The pathway {0} is not in use on {1} (in use {2} to {3})."),
    CODE_NOT_VALID_ON_DATE("{0} is not in use on {1} (in use {2} to {3})."),
    DATE_IN_FUTURE("{0} is dated {1}, after today ({2})."),
    START_MISSING("{0} ({1}) cannot be registered before the pathway has started (no start code)."),
    BEFORE_START("{0} ({1}) is dated before the start {2} ({3})."),
    ALREADY_REGISTERED("{0} cannot be registered: {1} ({2}) is already registered."),
    FIRST_ATTENDANCE_MISSING("{0} ({1}): a clinical decision needs a first attendance before it."),
    DECISION_MISSING("{0} ({1}) needs a clinical decision before it."),
    TOO_MANY_DECISIONS("{0} ({1}): at most {2} clinical decision(s) in this pathway."),
    DECISION_ALLOWS_NO_FURTHER_DECISION(
        "{0} ({1}): the decision {2} ({3}) allows no further decision."),
    DECISION_AFTER_TREATMENT("{0} ({1}) comes after the treatment start {2} ({3})."),
    TREATMENT_NOT_PERMITTED("{0} ({1}): the decision {2} ({3}) does not lead to treatment."),
    AFTER_CLOSING("{0} ({1}) comes after the pathway ended with {2} ({3})."),
    START_NOT_ON_RECEIPT(
        "The start must be dated the day the referral was received ({1}), not {0}."),
    START_ON_ASSESSMENT(
        "The start is dated the day the referral was received ({1}), not the day it was assessed"
            + " ({0})."),
    START_BASIS_NOT_ALLOWED("A start based on {0} is not allowed in this pathway on {1}."),
    REASON_REQUIRED("A reason is required to {0} a code."),
    NO_SUCH_REGISTRATION("There is no code {0} in this pathway."),
    ALREADY_WITHDRAWN("{0} ({1}) has already been withdrawn."),
    NOT_A_PROPOSAL("{0} ({1}) is not a proposal."),
    CODE_PREFIX_UNKNOWN(
        "{0} ({1}): the catalogue has no code prefix for the pathway {2}, so the"
            + " code is incomplete (code missing from the catalogue). Load the official code list"
            + " (kodeverk 8480/9321) first."),
    NOTHING_TO_CORRECT("The correction changes neither the code nor the date of {0} ({1}).");

    private final String english;

    Reason(String english) {
      this.english = english;
    }
  }
}
