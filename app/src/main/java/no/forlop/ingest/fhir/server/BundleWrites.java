package no.forlop.ingest.fhir.server;

import ca.uhn.fhir.rest.annotation.Transaction;
import ca.uhn.fhir.rest.annotation.TransactionParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import no.forlop.ingest.IntakeReport;
import no.forlop.ingest.IntakeService.Storing;
import no.forlop.ingest.fhir.IntakeReason;
import no.forlop.ingest.fhir.server.BundleRequest.Kind;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.OperationOutcome.OperationOutcomeIssueComponent;

/**
 * Takes batch and transaction Bundles ({@code POST /fhir}), the whole bundle as one delivery, so
 * that references between its entries resolve.
 *
 * <ul>
 *   <li>batch: every good entry is stored; each entry gets its own answer, in order: 201 Created
 *       (POST) or 200 OK with {@code Type/id}, 400 with Forløp's reason, 405 for a method the
 *       endpoint does not take, or 200 OK with a warning for a resource Forløp does not read;
 *   <li>transaction: all or nothing. One rejected entry and no fact is stored: 400 with an
 *       OperationOutcome naming every rejected entry.
 * </ul>
 *
 * The codes of the patients concerned are derived before the answer, so a client can read the
 * pathways right after.
 */
final class BundleWrites {

  private final Deliveries deliveries;

  BundleWrites(Deliveries deliveries) {
    this.deliveries = deliveries;
  }

  /**
   * @param standIn HAPI's stand-in for the body (see {@link UnparsedBodies}); the body itself is
   *     read by Forløp, from {@code RequestDetails.loadRequestContents()}
   */
  @Transaction
  public Bundle receive(@TransactionParam Bundle standIn, RequestDetails request) {
    var body = request.loadRequestContents();
    var bundle = BundleRequest.of(body);
    var problems = bundle.problems();
    if (bundle.kind() == Kind.TRANSACTION) {
      bundle
          .repeated()
          .forEach(
              (index, earlier) -> {
                var entry = bundle.entries().get(index);
                problems.putIfAbsent(
                    index,
                    Problem.badEntry(
                        "DUPLICATE_RESOURCE",
                        null,
                        entry.expression(),
                        entry.name(),
                        String.valueOf(earlier + 1)));
              });
    }
    var conditions = new LinkedHashMap<Integer, String>();
    for (var entry : bundle.entries()) {
      if (entry.ifNoneExist() == null || problems.containsKey(entry.index())) {
        continue;
      }
      var identifier = Conditions.token(entry.ifNoneExist());
      if (identifier == null) {
        problems.put(
            entry.index(),
            Problem.badEntry(
                "CONDITIONAL_NOT_SUPPORTED", null, entry.expression() + ".request.ifNoneExist"));
      } else {
        conditions.put(entry.index(), identifier);
      }
    }
    var reasons = new LinkedHashMap<Integer, IntakeReason>();
    problems.forEach(
        (index, problem) ->
            reasons.put(
                index,
                IntakeReason.of(
                    "REQUEST_REFUSED", bundle.entries().get(index).name(), problem.reason())));
    var language = Languages.of(request);
    var transaction = bundle.kind() == Kind.TRANSACTION;
    var report =
        deliveries.receive(
            body,
            transaction ? "fhir:transaction" : "fhir:batch",
            request,
            reasons,
            conditions,
            transaction ? Storing.ALL_OR_NOTHING : Storing.ACCEPTED_FACTS);
    if (report.items().size() != bundle.entries().size()) {
      throw new InternalErrorException(
          "the delivery read "
              + report.items().size()
              + " resources from "
              + bundle.entries().size()
              + " entries");
    }
    if (transaction && !report.rejected().isEmpty()) {
      throw refused(bundle, report, problems, language);
    }
    return answer(bundle, report, problems, language);
  }

  private static Bundle answer(
      BundleRequest bundle, IntakeReport report, Map<Integer, Problem> problems, Locale language) {
    var response =
        new Bundle()
            .setType(
                bundle.kind() == Kind.TRANSACTION
                    ? BundleType.TRANSACTIONRESPONSE
                    : BundleType.BATCHRESPONSE);
    // HAPI answers with the bundle's id in Location; let it be the delivery's, for tracing
    response.setId(report.delivery().toString());
    response.setIdentifier(
        new Identifier().setSystem("urn:ietf:rfc:3986").setValue("urn:uuid:" + report.delivery()));
    for (var entry : bundle.entries()) {
      var item = report.items().get(entry.index());
      var answer = response.addEntry().getResponse();
      var problem = problems.get(entry.index());
      var reason = item.reason() == null ? item.source() : item.reason().text(language);
      var code = item.reason() == null ? "" : item.reason().code();
      if (problem != null) {
        answer.setStatus(problem.statusLine()).setOutcome(problem.outcome(language));
      } else if (item.existing() != null) {
        // a conditional create that found the resource: 200 OK with where it is
        answer
            .setStatus(Problem.statusLine(200))
            .setLocation(item.existing())
            .setOutcome(
                Outcomes.of(
                    Outcomes.issue(
                        IssueSeverity.INFORMATION,
                        IssueType.INFORMATIONAL,
                        code,
                        reason,
                        entry.expression())));
      } else if (item.outcome() == IntakeReport.Outcome.REJECTED) {
        var rejected = rejected(entry, code, reason);
        answer
            .setStatus(Problem.statusLine("CONDITIONAL_MULTIPLE_MATCHES".equals(code) ? 412 : 400))
            .setOutcome(Outcomes.of(rejected));
      } else if (item.outcome() == IntakeReport.Outcome.IGNORED) {
        answer
            .setStatus(Problem.statusLine(200))
            .setOutcome(
                Outcomes.of(
                    Outcomes.issue(
                        IssueSeverity.WARNING,
                        IssueType.INFORMATIONAL,
                        code,
                        reason,
                        entry.expression())));
      } else {
        answer
            .setStatus(Problem.statusLine(entry.creates() ? 201 : 200))
            .setLocation(entry.location());
      }
    }
    return response;
  }

  /** The answer to a transaction with rejected entries: every one of them, and nothing stored. */
  private static InvalidRequestException refused(
      BundleRequest bundle, IntakeReport report, Map<Integer, Problem> problems, Locale language) {
    var issues = new ArrayList<OperationOutcomeIssueComponent>();
    for (var entry : bundle.entries()) {
      var problem = problems.get(entry.index());
      var item = report.items().get(entry.index());
      if (problem != null) {
        issues.add(problem.issue(language));
      } else if (item.outcome() == IntakeReport.Outcome.REJECTED) {
        var reason = item.reason();
        issues.add(
            rejected(
                entry,
                reason == null ? "RESOURCE_REJECTED" : reason.code(),
                reason == null ? item.source() : reason.text(language)));
      }
    }
    var refusal =
        Problem.text(
            "TRANSACTION_REFUSED",
            issues.size() == 1 ? null : "many",
            String.valueOf(issues.size()));
    issues.add(
        Outcomes.issue(
            IssueSeverity.INFORMATION,
            IssueType.INFORMATIONAL,
            refusal.code(),
            refusal.text(language),
            null));
    return new InvalidRequestException(refusal.english(), Outcomes.of(issues));
  }

  private static OperationOutcomeIssueComponent rejected(
      BundleRequest.Entry entry, String code, String reason) {
    return Outcomes.issue(IssueSeverity.ERROR, IssueType.INVALID, code, reason, entry.expression());
  }
}
