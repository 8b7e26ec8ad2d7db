package no.forlop.audit;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import no.forlop.access.Actor;

/**
 * Who may read a patient's audit trail and which of its entries they see (ADR 0024). Plain rules on
 * values, so they are unit-tested without a database.
 *
 * <ul>
 *   <li>A reader may read the trail of a patient who has (or had) a pathway in one of the reader's
 *       units. A patient with no pathway there — another trust's patient, or one Forløp does not
 *       know — is refused the same way, so the answer never tells whether the patient exists.
 *   <li>The reader sees the entries that concern their units: an entry about a pathway ({@code
 *       pathway/<id>…}) when that pathway is in one of their units; any other entry when its actor
 *       is a person of one of their units, or an actor of no unit (a system component, the EHR
 *       integration, a user no longer configured). Entries by people of other trusts only, and
 *       entries about other trusts' pathways, are left out: each trust answers for its own
 *       accesses, and showing them would tell the reader that the patient is known there.
 * </ul>
 */
final class AuditTrailScope {

  private static final Pattern PATHWAY_RESOURCE =
      Pattern.compile("^pathway/([0-9a-fA-F-]{36})(?:/.*)?$");

  private AuditTrailScope() {}

  /** Whether the reader may read the trail of a patient with these pathways (id → unit). */
  static boolean mayRead(Actor reader, Map<UUID, String> pathways) {
    return pathways.values().stream().anyMatch(reader::mayAccess);
  }

  /**
   * The entries the reader sees, in their order.
   *
   * @param unitsOfActor the units of a configured person, empty when the actor is not one (a
   *     system, or a user no longer configured)
   */
  static List<AuditEntry> visible(
      List<AuditEntry> entries,
      Actor reader,
      Map<UUID, String> pathways,
      Function<String, Optional<Set<String>>> unitsOfActor) {
    return entries.stream().filter(e -> visible(e, reader, pathways, unitsOfActor)).toList();
  }

  private static boolean visible(
      AuditEntry entry,
      Actor reader,
      Map<UUID, String> pathways,
      Function<String, Optional<Set<String>>> unitsOfActor) {
    var pathway = PATHWAY_RESOURCE.matcher(entry.resource());
    if (pathway.matches()) {
      var unit = pathways.get(UUID.fromString(pathway.group(1)));
      return unit != null && reader.mayAccess(unit);
    }
    var units = unitsOfActor.apply(entry.actor()).orElse(Set.of());
    return units.isEmpty() || units.stream().anyMatch(reader::mayAccess);
  }
}
