package no.forlop.patient;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The patients' names as the EHR sent them, by identity number (table {@code patient_name}): for
 * people's screens (the worklist shows initials until a pathway is opened). The intake writes a
 * name when it stores a new version of a Patient resource, in the same transaction; a version the
 * intake already had writes nothing. Never written to logs.
 */
@Service
public class PatientDirectory {

  /** How many identity numbers one query asks for. */
  private static final int PART = 1000;

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;

  PatientDirectory(JdbcClient jdbc, JdbcTemplate batch) {
    this.jdbc = jdbc;
    this.batch = batch;
  }

  /** A patient's name as one version of their Patient resource gave it. */
  public record Name(String identifier, String name) {}

  /**
   * Keeps these names, each replacing the one its patient had; where a patient appears twice, the
   * later one wins. Joins the caller's transaction (the intake's, which stores the facts).
   */
  @Transactional
  public void keep(List<Name> names, Instant receivedAt) {
    if (names.isEmpty()) {
      return;
    }
    var at = OffsetDateTime.ofInstant(receivedAt, ZoneOffset.UTC);
    batch.batchUpdate(
        """
        insert into patient_name (identifier, name, updated_at) values (?, ?, ?)
        on conflict (identifier) do update set name = excluded.name, updated_at = excluded.updated_at
        """,
        names.stream().map(n -> new Object[] {n.identifier(), n.name(), at}).toList());
  }

  /** The names of these patients (identity numbers), where the EHR sent one. */
  @Transactional(readOnly = true)
  public Map<String, String> namesOf(Collection<String> identifiers) {
    var names = new HashMap<String, String>();
    var all = List.copyOf(new LinkedHashSet<>(identifiers));
    for (int from = 0; from < all.size(); from += PART) {
      jdbc.sql("select identifier, name from patient_name where identifier in (:ids)")
          .param("ids", all.subList(from, Math.min(all.size(), from + PART)))
          .query((rs, n) -> names.put(rs.getString("identifier"), rs.getString("name")))
          .list();
    }
    return names;
  }

  /**
   * The patients whose name contains this text, ignoring case (for a search by name). Nothing in
   * the text is a wildcard: {@code %}, {@code _} and {@code \} are looked for as themselves (a
   * search for {@code %} finds a name with a per cent sign, not every name).
   */
  @Transactional(readOnly = true)
  public List<String> named(String text) {
    return jdbc.sql("select identifier from patient_name where name ilike :name escape '\\'")
        .param("name", "%" + likeEscaped(text) + "%")
        .query(String.class)
        .list();
  }

  /** A text for LIKE that matches only itself: its wildcards and escape character escaped. */
  static String likeEscaped(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  @Transactional(readOnly = true)
  public Optional<String> nameOf(String identifier) {
    return Optional.ofNullable(namesOf(List.of(identifier)).get(identifier));
  }

  /** "Kari Nordmann" → "K. N.": what a list shows before a pathway is opened. */
  public static String initials(String name) {
    var initials = new StringBuilder();
    for (var part : name.strip().split("[\\s-]+")) {
      if (!part.isEmpty()) {
        if (!initials.isEmpty()) {
          initials.append(' ');
        }
        initials.append(Character.toUpperCase(part.charAt(0))).append('.');
      }
    }
    return initials.toString();
  }
}
