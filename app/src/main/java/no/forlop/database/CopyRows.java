package no.forlop.database;

import java.io.IOException;
import java.io.StringReader;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.SQLExceptionSubclassTranslator;

/**
 * Writes many rows into a table with PostgreSQL's {@code COPY ... FROM STDIN} (ADR 0030): one
 * statement and one stream for a whole delivery instead of a statement per hundred rows, on the
 * connection of the caller's transaction (so the rows are stored with everything else of it, or not
 * at all). Only for plain inserts: {@code COPY} knows no {@code ON CONFLICT}.
 *
 * <p>Values are written in {@code COPY}'s text format: {@code null} as {@code \N}, and in a text
 * the backslash, tab, line feed and carriage return escaped, so that no text of a sender can end a
 * value or a row early. A text must hold no NUL character (the intake's {@code Texts.storable}
 * replaces it). A {@code String[]} is written as a PostgreSQL array of texts. Used wherever a
 * transaction writes many rows into a table without {@code ON CONFLICT}: each resource's outcome,
 * the pathways' facts, milestones and audit entries, the statistics' rows (issue 15).
 */
public final class CopyRows {

  private CopyRows() {}

  /**
   * Copies the rows into the table's columns, in the order given.
   *
   * @throws org.springframework.dao.DataAccessException as a JDBC statement would
   */
  public static void copy(
      DataSource dataSource, String table, List<String> columns, List<Object[]> rows) {
    if (rows.isEmpty()) {
      return;
    }
    var text = text(rows);
    var sql = "copy " + table + " (" + String.join(", ", columns) + ") from stdin";
    var connection = DataSourceUtils.getConnection(dataSource);
    try {
      connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new StringReader(text));
    } catch (SQLException e) {
      var translated = new SQLExceptionSubclassTranslator().translate("copy " + table, sql, e);
      throw translated != null
          ? translated
          : new DataAccessResourceFailureException("copy " + table, e);
    } catch (IOException e) {
      throw new DataAccessResourceFailureException("copy " + table, e);
    } finally {
      DataSourceUtils.releaseConnection(connection, dataSource);
    }
  }

  /** The rows in {@code COPY}'s text format: a line each, values separated by tabs. */
  static String text(List<Object[]> rows) {
    var out = new StringBuilder(rows.size() * 128);
    for (var row : rows) {
      for (int i = 0; i < row.length; i++) {
        if (i > 0) {
          out.append('\t');
        }
        value(out, row[i]);
      }
      out.append('\n');
    }
    return out.toString();
  }

  private static void value(StringBuilder out, @Nullable Object value) {
    if (value == null) {
      out.append("\\N");
      return;
    }
    String text;
    if (value instanceof OffsetDateTime at) {
      text = at.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    } else if (value instanceof String[] array) {
      text = arrayLiteral(array);
    } else {
      text = value.toString();
    }
    for (int i = 0; i < text.length(); i++) {
      var c = text.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\u0000' -> throw new IllegalArgumentException("a NUL character cannot be stored");
        default -> out.append(c);
      }
    }
  }

  /**
   * A text array as PostgreSQL reads it: every element in double quotes (so that commas, braces and
   * spaces stay in it), with the double quote and backslash escaped, and {@code NULL} for null.
   */
  private static String arrayLiteral(@Nullable String[] array) {
    var out = new StringBuilder("{");
    for (int i = 0; i < array.length; i++) {
      if (i > 0) {
        out.append(',');
      }
      var element = array[i];
      if (element == null) {
        out.append("NULL");
        continue;
      }
      out.append('"');
      for (int j = 0; j < element.length(); j++) {
        var c = element.charAt(j);
        if (c == '"' || c == '\\') {
          out.append('\\');
        }
        out.append(c);
      }
      out.append('"');
    }
    return out.append('}').toString();
  }
}
