package no.forlop.coordinator.pathwaypage;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import no.forlop.catalog.StartRule.StartBasis;
import no.forlop.web.TextLimits;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;

/**
 * The forms of a pathway page, one record per action, bound by Spring MVC (dates as ISO dates, a
 * value that cannot be read is a binding error) and checked by bean validation. A constraint's
 * message is the message key of the text the page shows next to the form; a date that cannot be
 * read shows {@value #UNREADABLE}. Text left out of a form arrives as the empty string.
 */
final class PathwayForms {

  /** The text of a value that could not be read (a date, or a start basis we do not know). */
  static final String UNREADABLE = "pathway.error.date";

  /** The texts of a value longer than its limit ({@link TextLimits}; the text names the limit). */
  static final String TOO_LONG_NOTE = "form.error.tooLong.note";

  static final String TOO_LONG_REASON = "form.error.tooLong.reason";
  static final String TOO_LONG_SHORT = "form.error.tooLong.short";

  private PathwayForms() {}

  /** What the user had typed, to fill the form in again when it is shown with an error. */
  interface Form {
    Map<String, String> values();
  }

  /** Reject a proposal; the reason is the coding rules' to require. */
  record Reject(@Size(max = TextLimits.REASON, message = TOO_LONG_REASON) @Nullable String reason)
      implements Form {
    Reject {
      reason = orEmpty(reason);
    }

    @Override
    public Map<String, String> values() {
      return Map.of("reason", Objects.requireNonNull(reason));
    }
  }

  /** Correct a code: another code, another date, or both, with a reason. */
  record Correct(
      @Size(max = TextLimits.SHORT, message = TOO_LONG_SHORT) @Nullable String code,
      @DateTimeFormat(iso = ISO.DATE) @Nullable LocalDate date,
      @Size(max = TextLimits.REASON, message = TOO_LONG_REASON) @Nullable String reason)
      implements Form {
    Correct {
      code = orEmpty(code);
      reason = orEmpty(reason);
    }

    /** The new code, or null to keep the code. */
    @Nullable String newCode() {
      return Objects.requireNonNull(code).isBlank() ? null : code;
    }

    @Override
    public Map<String, String> values() {
      return valuesOf("code", code, "date", date, "reason", reason);
    }
  }

  /** Withdraw a code, with a reason. */
  record Withdraw(@Size(max = TextLimits.REASON, message = TOO_LONG_REASON) @Nullable String reason)
      implements Form {
    Withdraw {
      reason = orEmpty(reason);
    }

    @Override
    public Map<String, String> values() {
      return Map.of("reason", Objects.requireNonNull(reason));
    }
  }

  /** Register a code by hand; a start may say what it is based on and the referral's dates. */
  record Register(
      @NotBlank(message = "pathway.error.codeRequired")
          @Size(max = TextLimits.SHORT, message = TOO_LONG_SHORT)
          @Nullable String code,
      @DateTimeFormat(iso = ISO.DATE) @NotNull(message = "pathway.error.dateRequired")
          @Nullable LocalDate date,
      @Nullable StartBasis startBasis,
      @DateTimeFormat(iso = ISO.DATE) @Nullable LocalDate referralReceivedOn,
      @DateTimeFormat(iso = ISO.DATE) @Nullable LocalDate referralAssessedOn)
      implements Form {
    Register {
      code = orEmpty(code);
    }

    @Override
    public Map<String, String> values() {
      return valuesOf(
          "code", code,
          "date", date,
          "startBasis", startBasis,
          "referralReceivedOn", referralReceivedOn,
          "referralAssessedOn", referralAssessedOn);
    }
  }

  /** Assign the responsible coordinator (a user name), or nobody (empty). */
  record Assign(
      @Size(max = TextLimits.SHORT, message = TOO_LONG_SHORT) @Nullable String coordinator)
      implements Form {
    Assign {
      coordinator = orEmpty(coordinator);
    }

    /** The chosen coordinator, or null for nobody. */
    @Nullable String chosen() {
      return Objects.requireNonNull(coordinator).isBlank() ? null : coordinator;
    }

    @Override
    public Map<String, String> values() {
      return Map.of("coordinator", Objects.requireNonNull(coordinator));
    }
  }

  /** Plan the next evaluation (today or later: the controller knows today). */
  record Evaluation(
      @DateTimeFormat(iso = ISO.DATE) @NotNull(message = UNREADABLE) @Nullable LocalDate date)
      implements Form {

    @Override
    public Map<String, String> values() {
      return valuesOf("date", date);
    }
  }

  /** Change the pathway's type from a date, with a note. */
  record TypeChange(
      @NotBlank(message = "pathway.error.typeRequired")
          @Size(max = TextLimits.SHORT, message = TOO_LONG_SHORT)
          @Nullable String pathway,
      @DateTimeFormat(iso = ISO.DATE) @NotNull(message = "pathway.error.dateRequired")
          @Nullable LocalDate date,
      @Size(max = TextLimits.NOTE, message = TOO_LONG_NOTE) @Nullable String note)
      implements Form {
    TypeChange {
      pathway = orEmpty(pathway);
      note = orEmpty(note);
    }

    @Override
    public Map<String, String> values() {
      return valuesOf("pathway", pathway, "date", date, "note", note);
    }
  }

  /** A note on the pathway. */
  record Note(
      @NotBlank(message = "pathway.error.noteRequired")
          @Size(max = TextLimits.NOTE, message = TOO_LONG_NOTE)
          @Nullable String text)
      implements Form {
    Note {
      text = orEmpty(text);
    }

    @Override
    public Map<String, String> values() {
      return Map.of("text", Objects.requireNonNull(text));
    }
  }

  private static String orEmpty(@Nullable String value) {
    return value == null ? "" : value;
  }

  private static Map<String, String> valuesOf(@Nullable Object... namesAndValues) {
    var values = new LinkedHashMap<String, String>();
    for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
      var value = namesAndValues[i + 1];
      values.put(String.valueOf(namesAndValues[i]), value == null ? "" : value.toString());
    }
    return values;
  }
}
