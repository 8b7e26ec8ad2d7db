package no.forlop.coordinator.pathwaypage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import no.forlop.coordinator.InventedPatient;
import no.forlop.coordinator.PageSupport;
import no.forlop.pathway.ChangeResult;
import no.forlop.pathway.CreatePathway;
import no.forlop.pathway.LeadTime;
import no.forlop.pathway.OrganisationNumber;
import no.forlop.pathway.PathwayView;
import no.forlop.pathway.RegisterCode;
import no.forlop.pathway.WholePathway;
import no.forlop.patient.PatientIdentifier;
import no.forlop.testing.TestPatients;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, item 3: a colorectal patient transferred to another trust for surgery (own acceptance
 * scenario {@code transfer-for-surgery}) gets A12FK there, and both pathway pages show the
 * patient's whole OF4 across the two trusts: 4 March (the first trust's A) to 10 April (the second
 * trust's FK), 37 days against the surgical norm of 35, while the second trust's own OF4 is 16.
 * Kari works at the first trust (910000012) only, Nina at the second (910000020) only, Lise
 * (leader) at both.
 */
class WholePathwayPageIT extends PageSupport {

  private static final String FIRST = "910000012";
  private static final String SECOND = "910000020";

  /** The scenario's events for a patient of its own; the two pathways, first trust first. */
  private List<PathwayView> transferredForSurgery() throws IOException {
    var patient = TestPatients.next();
    String events;
    try (var in = getClass().getResourceAsStream("/acceptance/transfer-for-surgery/events.json")) {
      events =
          new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("14055210013", patient);
    }
    intake.receive(events.getBytes(StandardCharsets.UTF_8), "test", InventedPatient.EHR, true);
    var views = pathways.byPatient(PatientIdentifier.parse(patient), null, InventedPatient.SYSTEM);
    assertThat(views).hasSize(2);
    return views.stream()
        .sorted(java.util.Comparator.comparing(v -> v.organisation().value()))
        .toList();
  }

  private static LeadTime of4(List<LeadTime> leadTimes) {
    return leadTimes.stream().filter(l -> l.indicator().equals("OF4")).findFirst().orElseThrow();
  }

  @Test
  void the_derivation_links_the_two_trusts_and_measures_of4_from_the_first_trusts_start()
      throws IOException {
    var both = transferredForSurgery();
    var sender = both.get(0);
    var receiver = both.get(1);

    WholePathway whole = pathways.whole(receiver.id(), null, InventedPatient.SYSTEM);

    assertThat(whole.instances())
        .extracting(WholePathway.Instance::organisation)
        .containsExactly(OrganisationNumber.of(FIRST), OrganisationNumber.of(SECOND));
    assertThat(whole.instances().get(1).transferredOn()).hasToString("2024-03-22");
    assertThat(whole.start().organisation().value()).isEqualTo(FIRST);
    assertThat(whole.decision().code()).isEqualTo("A12CK");
    assertThat(whole.decision().organisation().value()).isEqualTo(FIRST);
    assertThat(whole.treatment().code()).isEqualTo("A12FK");
    assertThat(whole.treatingOrganisation().value()).isEqualTo(SECOND);
    var of4 = of4(whole.leadTimes());
    assertThat(of4.from()).hasToString("2024-03-04");
    assertThat(of4.to()).hasToString("2024-04-10");
    assertThat(of4.days()).isEqualTo(37);
    assertThat(of4.status()).isEqualTo(LeadTime.Status.BREACHED);
    // the treating trust's own OF4 is still measured from its own A
    assertThat(of4(receiver.leadTimes()).days()).isEqualTo(16);
    // the same whole pathway from the sender's side
    assertThat(pathways.whole(sender.id(), null, InventedPatient.SYSTEM).instances())
        .isEqualTo(whole.instances());
  }

  @Test
  void deriving_again_keeps_one_link() throws IOException {
    var patient = TestPatients.next();
    String events;
    try (var in = getClass().getResourceAsStream("/acceptance/transfer-for-surgery/events.json")) {
      events =
          new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("14055210013", patient);
    }
    intake.receive(events.getBytes(StandardCharsets.UTF_8), "test", InventedPatient.EHR, true);
    intake.receive(events.getBytes(StandardCharsets.UTF_8), "test", InventedPatient.EHR, true);
    var views = pathways.byPatient(PatientIdentifier.parse(patient), null, InventedPatient.SYSTEM);

    assertThat(views).hasSize(2);
    for (var view : views) {
      assertThat(pathways.whole(view.id(), null, InventedPatient.SYSTEM).instances()).hasSize(2);
    }
  }

  @Test
  void the_treating_trusts_page_shows_the_whole_pathway_without_a_link_to_the_other_trust()
      throws Exception {
    var receiver = transferredForSurgery().get(1);

    var page = open(page(receiver.id()), "nina");

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body())
        .contains("Hele forløpet på tvers av helseforetak")
        .contains("Overført fra Fjordby sykehus HF")
        .doesNotContain("id=\"transferred-from-link\"")
        // the milestones of the whole pathway and where each was registered
        .contains("id=\"whole-PATHWAY_START\"", "04.03.2024")
        .contains("id=\"whole-CLINICAL_DECISION\"", "A12CK", "20.03.2024")
        .contains("id=\"whole-TREATMENT_START\"", "A12FK", "10.04.2024")
        .contains("id=\"whole-lead-OF4-");
    var section = page.body().substring(page.body().indexOf("id=\"whole-pathway\""));
    assertThat(section)
        .contains(
            "Fra 04.03.2024 til 10.04.2024", "37", "status-breached", "Norm: 35 kalenderdager");
  }

  @Test
  void the_first_trusts_page_links_to_the_treating_trust_only_for_a_user_of_both()
      throws Exception {
    var both = transferredForSurgery();
    var sender = both.get(0);
    var receiver = both.get(1);

    var kari = open(page(sender.id()), "kari");
    var lise = open(page(sender.id()), "lise");

    assertThat(kari.body())
        .contains("Hele forløpet på tvers av helseforetak")
        .contains("Overført til Nordvik sykehus HF den 22.03.2024")
        .doesNotContain("id=\"transferred-to-link\"")
        .doesNotContain(receiver.id().toString());
    assertThat(lise.body()).contains("id=\"transferred-to-link\"", "/pathways/" + receiver.id());
  }

  @Test
  void the_section_is_in_english_when_the_user_asks() throws Exception {
    var receiver = transferredForSurgery().get(1);

    var page = open(page(receiver.id()) + "?lang=en", "nina");

    assertThat(page.body())
        .contains("The whole pathway across health trusts", "Transferred from Fjordby sykehus HF")
        .doesNotContain("Hele forløpet");
  }

  @Test
  void a_transfer_a_coordinator_registers_by_hand_names_no_receiver_and_links_nothing() {
    var id =
        pathways
            .create(
                CreatePathway.of(TestPatients.next(), "colorectal", FIRST, null),
                InventedPatient.SYSTEM)
            .id();
    for (var entry : List.of("A12A 2024-03-04", "A12S 2024-03-06", "A12O 2024-03-22")) {
      var parts = entry.split(" ");
      assertThat(
              pathways.register(
                  id,
                  RegisterCode.manual(parts[0], java.time.LocalDate.parse(parts[1])),
                  InventedPatient.SYSTEM))
          .isInstanceOf(ChangeResult.Changed.class);
    }

    var whole = pathways.whole(id, null, InventedPatient.SYSTEM);

    assertThat(whole.linked()).isFalse();
    assertThat(whole.instances()).singleElement().satisfies(i -> assertThat(i.id()).isEqualTo(id));
  }

  @Test
  void a_pathway_no_transfer_links_has_no_such_section() throws Exception {
    var view = deliver(new InventedPatient("Eli", "Moe").referralReceived("2024-12-02"));

    var page = open(page(view.id()), "kari");

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).doesNotContain("Hele forløpet på tvers av helseforetak");
  }
}
