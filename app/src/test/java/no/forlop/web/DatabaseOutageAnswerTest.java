package no.forlop.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The REST API's answer while the database cannot be reached: 503 with Retry-After and the reason
 * DATABASE_UNAVAILABLE, in Norwegian unless English is asked for; other faults stay 500. (With a
 * real PostgreSQL stopped under a running Forløp: {@code no.forlop.ingest.DatabaseOutageIT}.)
 */
class DatabaseOutageAnswerTest {

  @RestController
  static class Failing {
    @PostMapping("/api/v1/no-connection")
    void noConnection() {
      throw new CannotGetJdbcConnectionException(
          "Failed to obtain JDBC Connection",
          new SQLTransientConnectionException(
              "Connection is not available, request timed out after 3000ms",
              "08001",
              new SQLException("Connection refused", "08001")));
    }

    @PostMapping("/api/v1/no-transaction")
    void noTransaction() {
      throw new CannotCreateTransactionException(
          "Could not open JDBC Connection for transaction",
          new SQLTransientConnectionException("request timed out", "08001"));
    }

    @PostMapping("/api/v1/bug")
    void bug() {
      throw new IllegalStateException("a bug");
    }
  }

  private final MockMvc mvc;

  DatabaseOutageAnswerTest() {
    var messages = new MessagesConfiguration().messageSource();
    mvc =
        MockMvcBuilders.standaloneSetup(new Failing())
            .setControllerAdvice(new ApiExceptionHandler(new ApiProblems(messages)))
            .setLocaleResolver(new LanguageConfiguration().localeResolver())
            .build();
  }

  @Test
  void no_connection_is_503_with_retry_after_in_norwegian() throws Exception {
    mvc.perform(post("/api/v1/no-connection"))
        .andExpect(status().isServiceUnavailable())
        .andExpect(header().string("Retry-After", "10"))
        .andExpect(header().string("Content-Type", "application/fhir+json"))
        .andExpect(jsonPath("$.issue[0].code").value("transient"))
        .andExpect(jsonPath("$.issue[0].details.coding[0].code").value("DATABASE_UNAVAILABLE"))
        .andExpect(
            jsonPath("$.issue[0].details.text")
                .value(
                    "Forløp får ikke kontakt med databasen akkurat nå. Send forespørselen på nytt"
                        + " om 10 sekunder; det som alt er lagret, blir ikke lagret to ganger."));
  }

  @Test
  void no_transaction_is_503_too_in_english_on_request() throws Exception {
    mvc.perform(post("/api/v1/no-transaction").header("Accept-Language", "en"))
        .andExpect(status().isServiceUnavailable())
        .andExpect(header().string("Retry-After", "10"))
        .andExpect(jsonPath("$.issue[0].details.coding[0].code").value("DATABASE_UNAVAILABLE"))
        .andExpect(
            jsonPath("$.issue[0].details.text")
                .value(
                    "Forløp cannot reach its database right now. Send the request again in 10"
                        + " seconds; what is stored already is not stored twice."));
  }

  @Test
  void another_fault_stays_a_500_without_retry_after() throws Exception {
    mvc.perform(post("/api/v1/bug"))
        .andExpect(status().isInternalServerError())
        .andExpect(header().doesNotExist("Retry-After"))
        .andExpect(jsonPath("$.issue[0].details.coding[0].code").value("INTERNAL_ERROR"));
  }
}
