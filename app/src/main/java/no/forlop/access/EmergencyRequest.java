package no.forlop.access;

import java.util.Arrays;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A request for emergency access (nødtilgang): why, in the user's own words (10–500 characters),
 * and which kind of situation. Checked here, so the page and the API refuse the same things with
 * the same reasons.
 */
public record EmergencyRequest(Kind kind, String reason) {

  public static final int MIN_REASON = 10;
  public static final int MAX_REASON = 500;

  /** The kind of situation that needs the access. */
  public enum Kind {
    /** Akutt behandling: the patient is being treated here now. */
    ACUTE_CARE,
    /** Henvisning eller overføring: the patient is referred or transferred here. */
    REFERRAL_OR_TRANSFER,
    /** Stedfortreder: standing in for a colleague at the patient's unit. */
    STANDING_IN,
    /** Annet: the reason says what. */
    OTHER
  }

  /** Why a request is refused (HTTP 400; texts {@code emergency.problem.<REASON>}). */
  public enum Problem {
    REASON_REQUIRED,
    REASON_TOO_SHORT,
    REASON_TOO_LONG,
    KIND_UNKNOWN
  }

  public EmergencyRequest {
    var problem = problem(kind == null ? null : kind.name(), reason);
    if (problem.isPresent()) {
      throw new IllegalArgumentException("emergency request refused: " + problem.get());
    }
    reason = reason.strip();
  }

  /**
   * What is wrong with a request as typed, if anything: the kind first, then the reason.
   *
   * @param kind a {@link Kind}'s name; blank means {@link Kind#OTHER}
   */
  public static Optional<Problem> problem(@Nullable String kind, @Nullable String reason) {
    if (kind != null
        && !kind.isBlank()
        && Arrays.stream(Kind.values()).noneMatch(k -> k.name().equals(kind.strip()))) {
      return Optional.of(Problem.KIND_UNKNOWN);
    }
    var text = reason == null ? "" : reason.strip();
    if (text.isEmpty()) {
      return Optional.of(Problem.REASON_REQUIRED);
    }
    if (text.codePointCount(0, text.length()) < MIN_REASON) {
      return Optional.of(Problem.REASON_TOO_SHORT);
    }
    if (text.codePointCount(0, text.length()) > MAX_REASON) {
      return Optional.of(Problem.REASON_TOO_LONG);
    }
    return Optional.empty();
  }

  /**
   * The request as typed, or why it is refused.
   *
   * @throws InvalidEmergencyRequestException with the problem
   */
  public static EmergencyRequest of(@Nullable String kind, @Nullable String reason) {
    var problem = problem(kind, reason);
    if (problem.isPresent()) {
      throw new InvalidEmergencyRequestException(problem.get());
    }
    var chosen = kind == null || kind.isBlank() ? Kind.OTHER : Kind.valueOf(kind.strip());
    return new EmergencyRequest(chosen, java.util.Objects.requireNonNull(reason));
  }
}
