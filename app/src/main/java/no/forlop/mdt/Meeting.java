package no.forlop.mdt;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An MDT meeting (tverrfaglig møte): a team in one unit meets on a date about the patients of some
 * pathways.
 *
 * @param organisation the unit (organisasjonsnummer) whose patients the meeting discusses
 * @param pathways the catalogue ids of the pathways it covers (e.g. {@code colorectal}, {@code
 *     metastases})
 */
public record Meeting(
    UUID id,
    LocalDate date,
    String team,
    String organisation,
    List<String> pathways,
    Instant plannedAt,
    String plannedBy) {

  public Meeting {
    pathways = List.copyOf(pathways);
  }
}
