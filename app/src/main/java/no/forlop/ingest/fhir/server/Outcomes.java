package no.forlop.ingest.fhir.server;

import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseOperationOutcome;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.OperationOutcome.OperationOutcomeIssueComponent;
import org.hl7.fhir.r4.model.StringType;
import org.jspecify.annotations.Nullable;

/**
 * Builds OperationOutcomes in the shape of the REST API's ({@link no.forlop.web.OperationOutcome}):
 * each issue with Forløp's reason code in {@code details.coding} and the text in {@code
 * details.text}, so that an integration reads one error shape everywhere.
 */
final class Outcomes {

  static final String REASON_SYSTEM = no.forlop.web.OperationOutcome.REASON_SYSTEM;

  private Outcomes() {}

  static OperationOutcomeIssueComponent issue(
      IssueSeverity severity,
      IssueType type,
      String reason,
      String text,
      @Nullable String expression) {
    var issue =
        new OperationOutcomeIssueComponent()
            .setSeverity(severity)
            .setCode(type)
            .setDetails(
                new CodeableConcept()
                    .addCoding(new Coding(REASON_SYSTEM, reason, null))
                    .setText(text));
    if (expression != null) {
      issue.setExpression(List.of(new StringType(expression)));
    }
    return issue;
  }

  static OperationOutcome of(OperationOutcomeIssueComponent... issues) {
    return of(List.of(issues));
  }

  static OperationOutcome of(List<OperationOutcomeIssueComponent> issues) {
    var outcome = new OperationOutcome();
    issues.forEach(outcome::addIssue);
    return outcome;
  }

  /** Whether every issue carries a Forløp reason code (the outcome is already in our shape). */
  static boolean isForlops(@Nullable IBaseOperationOutcome outcome) {
    return outcome instanceof OperationOutcome oo
        && oo.hasIssue()
        && oo.getIssue().stream()
            .allMatch(
                issue ->
                    issue.getDetails().getCoding().stream()
                        .anyMatch(coding -> REASON_SYSTEM.equals(coding.getSystem())));
  }
}
