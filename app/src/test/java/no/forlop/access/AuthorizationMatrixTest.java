package no.forlop.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading the authorization matrix's table, and the rows it asks for when a route lacks one. */
class AuthorizationMatrixTest {

  static final String HEADER =
      "| method | route | scope | call | body | anonymous | COORDINATOR | CLINICIAN | LEADER |"
          + " ADMINISTRATOR | INTEGRATION | GP |\n|---|---|---|---|---|---|---|---|---|---|---|---|\n";

  @Test
  void a_row_is_read_with_its_line_route_call_and_the_answer_per_role() {
    var matrix =
        AuthorizationMatrix.parse(
            "# Title\n\nSome text | with a pipe.\n\n"
                + HEADER
                + "| GET | `/api/v1/pathways/{id}` | own | `/api/v1/pathways/{own}` | - |"
                + " 401 | 200 | 200 | 200 | 200 | 403 | 403 |\n");

    assertThat(matrix.rows()).hasSize(1);
    var row = matrix.rows().get(0);
    assertThat(row.line()).isEqualTo(7);
    assertThat(row.key()).isEqualTo("GET /api/v1/pathways/{id}");
    assertThat(row.call()).isEqualTo("/api/v1/pathways/{own}");
    assertThat(row.body()).isEqualTo("-");
    assertThat(row.expected())
        .containsEntry("anonymous", "401")
        .containsEntry("INTEGRATION", "403")
        .containsEntry("GP", "403")
        .hasSize(7);
  }

  @Test
  void a_table_with_other_columns_or_a_row_with_too_few_cells_is_refused() {
    assertThatThrownBy(
            () -> AuthorizationMatrix.parse("| method | route | anonymous |\n|---|---|---|\n"))
        .hasMessageContaining("header");
    assertThatThrownBy(() -> AuthorizationMatrix.parse(HEADER + "| GET | `/x` | - | `/x` | - |\n"))
        .hasMessageContaining("line 3");
  }

  @Test
  void missing_routes_are_listed_as_rows_of_the_table_to_fill_in() {
    var rows = AuthorizationMatrix.missingRows(List.of("POST /b", "GET /a/{id}"));

    assertThat(rows)
        .isEqualTo(
            "| GET | `/a/{id}` | ? | `/a/{id}` | - | ? | ? | ? | ? | ? | ? | ? |\n"
                + "| POST | `/b` | ? | `/b` | - | ? | ? | ? | ? | ? | ? | ? |");
    // and they parse as rows of the table
    assertThat(AuthorizationMatrix.parse(HEADER + rows).keys())
        .containsExactly("GET /a/{id}", "POST /b");
  }
}
