package no.forlop.coordinator.pathwaypage;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import no.forlop.coordinator.pathwaypage.PathwayPage.Choice;
import no.forlop.coordinator.pathwaypage.PathwayPage.Entry;
import no.forlop.coordinator.pathwaypage.PathwayPage.Why;
import no.forlop.pathway.PathwayState;

/** A pathway page as PathwayPages would put it together: an invented patient, one proposal. */
final class PathwayPageFixture {

  private PathwayPageFixture() {}

  static PathwayPage page(UUID id, UUID registration, boolean mayChange) {
    var why =
        new Why(
            false,
            "start.referral",
            "Er henvisningen merket A12?",
            "2026.12.2",
            List.of("ServiceRequest/sr-1"),
            List.of(new PathwayPage.Input("Henvisning mottatt", "01.12.2024")),
            "2026.12.2",
            "Automatisk",
            "01.12.2024 kl. 09:10",
            null,
            null,
            null,
            null,
            null,
            null);
    var proposal =
        new Entry(
            "code-A12",
            registration,
            LocalDate.of(2024, 12, 1),
            "01.12.2024",
            "A12",
            "Start av pakkeforløp",
            "PROPOSED",
            false,
            false,
            false,
            why,
            null);
    return new PathwayPage(
        id,
        "Test Testesen",
        "01010199999",
        "Tykk- og endetarmskreft",
        "910000012",
        "Fjordby sykehus HF",
        PathwayState.values()[0],
        null,
        null,
        "31.12.2024",
        "2026.12.2",
        null,
        List.of(proposal),
        List.of(),
        List.of(),
        List.of(),
        List.of(new Choice("A12", "A12 Start av pakkeforløp")),
        List.of(new Choice("REFERRAL_RECEIVED", "Henvisning mottatt")),
        List.of(new Choice("kari", "Kari Nordmann")),
        mayChange,
        true,
        null,
        null,
        null,
        null,
        List.of(new Choice("mh-adults", "Psykiske lidelser voksne")),
        "2024-12-31",
        null,
        List.of());
  }
}
