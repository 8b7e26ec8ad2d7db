package no.forlop.ingest.fhir.server;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.api.RequestTypeEnum;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * The FHIR endpoint's answer when the database cannot be reached: 503 with Retry-After, not 500.
 * (Through HAPI, with a real PostgreSQL stopped: {@code no.forlop.ingest.DatabaseOutageIT}.)
 */
class ErrorOutcomesTest {

  @Test
  void a_database_that_cannot_be_reached_is_503_with_retry_after() {
    var request = new ServletRequestDetails();
    request.setRequestType(RequestTypeEnum.POST);
    request.setServletRequest(new MockHttpServletRequest("POST", "/fhir"));
    // as HAPI hands it over: the provider's exception wrapped
    var thrown =
        new InternalErrorException(
            "Failed to call access method",
            new CannotGetJdbcConnectionException(
                "Failed to obtain JDBC Connection",
                new SQLTransientConnectionException(
                    "Connection is not available, request timed out after 3000ms",
                    "08001",
                    new SQLException("Connection refused", "08001"))));

    var answer = ErrorOutcomes.databaseOutage(request, thrown);

    assertThat(answer.getStatusCode()).isEqualTo(503);
    assertThat(answer.getResponseHeaders()).containsEntry("Retry-After", List.of("10"));
    var issue = ((OperationOutcome) answer.getOperationOutcome()).getIssueFirstRep();
    assertThat(issue.getCode()).isEqualTo(OperationOutcome.IssueType.TRANSIENT);
    assertThat(issue.getDetails().getCodingFirstRep().getCode()).isEqualTo("DATABASE_UNAVAILABLE");
    assertThat(issue.getDetails().getCodingFirstRep().getSystem())
        .isEqualTo("https://forlop.no/fhir/CodeSystem/reason");
  }
}
