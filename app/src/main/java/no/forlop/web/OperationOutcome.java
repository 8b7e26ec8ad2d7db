package no.forlop.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A FHIR R4 {@code OperationOutcome}: the body of every error response, so that EHR integrations
 * read the same error shape from the REST API as from the FHIR endpoint.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OperationOutcome(String resourceType, List<Issue> issue) {

  /** The code system of Forløp's own reason codes (e.g. {@code FIRST_ATTENDANCE_BEFORE_START}). */
  public static final String REASON_SYSTEM = "https://forlop.no/fhir/CodeSystem/reason";

  public static OperationOutcome of(Issue... issues) {
    return of(List.of(issues));
  }

  public static OperationOutcome of(List<Issue> issues) {
    return new OperationOutcome("OperationOutcome", List.copyOf(issues));
  }

  public static OperationOutcome error(
      String type, String reason, String text, @Nullable String expression) {
    return of(Issue.error(type, reason, text, expression));
  }

  /** One problem: how severe, its FHIR issue type, our reason code, text and where. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Issue(
      String severity,
      String code,
      Details details,
      @Nullable String diagnostics,
      @Nullable List<String> expression) {

    public static Issue error(
        String type, String reason, String text, @Nullable String expression) {
      return error(type, reason, text, expression, null);
    }

    /**
     * An error with a technical detail for integrators ({@code diagnostics}, in English, e.g. a
     * parser's message) next to the text for people.
     */
    public static Issue error(
        String type,
        String reason,
        String text,
        @Nullable String expression,
        @Nullable String diagnostics) {
      return new Issue(
          "error",
          type,
          new Details(List.of(new Coding(REASON_SYSTEM, reason)), text),
          diagnostics,
          expression == null ? null : List.of(expression));
    }
  }

  /** The reason as a code and as text a person can act on. */
  public record Details(List<Coding> coding, String text) {}

  /** A code from a code system. */
  public record Coding(String system, String code) {}
}
