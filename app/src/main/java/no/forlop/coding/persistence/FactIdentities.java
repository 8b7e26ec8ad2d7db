package no.forlop.coding.persistence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.forlop.coding.ClinicalEvent;
import no.forlop.coding.ClinicalEvent.NotDone;
import no.forlop.coding.SourceRef;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Understands under which key a fact is known: a resource received under another id but with the
 * same business identifier is an alias of the fact first received ({@code clinical_event_alias}),
 * and a reference by identifier ({@code ServiceRequest?identifier=system|value}) names the fact
 * that carries the identifier ({@code clinical_event_identifier}). Only reads; the aliases and
 * identifiers are written with the facts ({@link StoringFacts}).
 */
final class FactIdentities {

  /**
   * The fact type whose business identifiers a reference by identifier to a FHIR type is looked up
   * among ({@code clinical_event_identifier.type}).
   */
  private static final Map<String, String> BY_IDENTIFIER =
      Map.of("ServiceRequest", "Referral", "Medication", "MedicationRecord");

  /**
   * The fact type a not-done resource would have been, whose business identifiers it shares: a
   * procedure corrected to not-done under another id is still the same fact.
   */
  private static final Map<String, String> NOT_DONE_AS =
      Map.of("Procedure", "ProcedurePerformed", "MedicationAdministration", "DrugAdministered");

  private final JdbcClient jdbc;

  FactIdentities(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The type under which a fact's business identifiers are kept: its own, except for a not-done
   * resource, which shares those of the fact it would have been.
   */
  static String identityType(ClinicalEvent event) {
    if (event instanceof NotDone notDone) {
      return NOT_DONE_AS.getOrDefault(notDone.source().type(), "NotDone");
    }
    return event.getClass().getSimpleName();
  }

  /**
   * The key of the fact each of these business identifiers is known for, by {@code type + "\n" +
   * identifier} (the type as {@link #identityType}).
   */
  Map<String, String> keysOf(Collection<String> identifiers) {
    var known = new HashMap<String, String>();
    for (var part : Partitions.of(List.copyOf(identifiers))) {
      jdbc.sql(
              "select type, identifier, source_key from clinical_event_identifier"
                  + " where identifier in (:ids)")
          .param("ids", part)
          .query(
              (rs, n) ->
                  known.put(
                      rs.getString("type") + "\n" + rs.getString("identifier"),
                      rs.getString("source_key")))
          .list();
    }
    return known;
  }

  /**
   * The displays ({@code Encounter/e1}) of the facts of a FHIR resource type that carry a business
   * identifier: {@code system|value} exactly, or {@code value} in any system.
   */
  List<String> displaysWithIdentifier(String resourceType, String identifier) {
    var exact = identifier.contains("|");
    return jdbc.sql(
            """
            select distinct e.display from clinical_event_identifier i
            join clinical_event e on e.source_key = i.source_key
            where (i.identifier = :identifier
                   or (not :exact and substr(i.identifier, strpos(i.identifier, '|') + 1) = :identifier))
              and e.display like :type
            order by 1
            """)
        .param("identifier", identifier)
        .param("exact", exact)
        .param("type", resourceType + "/%")
        .query(String.class)
        .list();
  }

  /**
   * The references by identifier ({@code ServiceRequest?identifier=system|value}) that name these
   * facts of a FHIR type, one for each business identifier known for them.
   */
  List<String> byIdentifierKeys(String fhirType, Collection<String> keys) {
    var names = new ArrayList<String>();
    for (var part : Partitions.of(List.copyOf(keys))) {
      jdbc.sql(
              "select identifier from clinical_event_identifier"
                  + " where type = :type and source_key in (:keys)")
          .param("type", BY_IDENTIFIER.get(fhirType))
          .param("keys", part)
          .query(String.class)
          .list()
          .forEach(identifier -> names.add(SourceRef.byIdentifier(fhirType, identifier)));
    }
    return names;
  }

  /**
   * The key each of these keys stands for: a reference by identifier the key of the fact that has
   * the identifier (when one is known, else itself), and then an alias its canonical key.
   */
  Map<String, String> resolved(Collection<String> keys) {
    var target = new HashMap<String, String>();
    var byType = new HashMap<String, List<String>>();
    for (var key : keys) {
      target.put(key, key);
      var byIdentifier = SourceRef.ByIdentifier.of(key);
      var factType = byIdentifier == null ? null : BY_IDENTIFIER.get(byIdentifier.type());
      if (factType != null) {
        byType.computeIfAbsent(factType, t -> new ArrayList<>()).add(byIdentifier.identifier());
      }
    }
    var fhirTypes = new HashMap<String, String>();
    BY_IDENTIFIER.forEach((fhirType, factType) -> fhirTypes.put(factType, fhirType));
    byType.forEach(
        (factType, identifiers) -> {
          for (var part : Partitions.of(identifiers)) {
            jdbc.sql(
                    "select identifier, source_key from clinical_event_identifier"
                        + " where type = :type and identifier in (:ids)")
                .param("type", factType)
                .param("ids", part)
                .query(
                    (rs, n) ->
                        target.put(
                            SourceRef.byIdentifier(
                                fhirTypes.get(factType), rs.getString("identifier")),
                            rs.getString("source_key")))
                .list();
          }
        });
    var canonicalOf = canonical(target.values());
    var resolved = new HashMap<String, String>();
    target.forEach((key, to) -> resolved.put(key, canonicalOf.getOrDefault(to, to)));
    return resolved;
  }

  /** The canonical key of each key (itself unless it is an alias). */
  Map<String, String> canonical(Collection<String> keys) {
    var canonical = new HashMap<String, String>();
    keys.forEach(k -> canonical.put(k, k));
    for (var part : Partitions.of(List.copyOf(keys))) {
      jdbc.sql("select alias_key, canonical_key from clinical_event_alias where alias_key in (:k)")
          .param("k", part)
          .query((rs, n) -> canonical.put(rs.getString("alias_key"), rs.getString("canonical_key")))
          .list();
    }
    return canonical;
  }

  /** Each key with the aliases that name the same fact. */
  Map<String, String> withAliases(Collection<String> canonicalKeys) {
    var all = new HashMap<String, String>();
    canonicalKeys.forEach(k -> all.put(k, k));
    for (var part : Partitions.of(List.copyOf(canonicalKeys))) {
      jdbc.sql(
              "select alias_key, canonical_key from clinical_event_alias where canonical_key in (:k)")
          .param("k", part)
          .query((rs, n) -> all.put(rs.getString("alias_key"), rs.getString("canonical_key")))
          .list();
    }
    return all;
  }
}
