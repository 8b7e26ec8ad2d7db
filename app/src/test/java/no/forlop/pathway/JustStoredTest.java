package no.forlop.pathway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.forlop.pathway.domain.PatientPathway;
import org.junit.jupiter.api.Test;

class JustStoredTest {

  private static final Instant AT = Instant.parse("2024-12-31T10:00:00Z");

  private static PatientPathway pathway(String id, String patient, Instant createdAt) {
    return new PatientPathway(
        new PatientPathway.Header(
            UUID.fromString(id),
            patient,
            "COLORECTAL",
            "910000012",
            null,
            createdAt,
            "system:derivation",
            "2024.1",
            null),
        List.of());
  }

  private static List<UUID> ids(List<PatientPathway> pathways) {
    return pathways.stream().map(p -> p.header().id()).toList();
  }

  @Test
  void outside_the_publishing_nothing_is_at_hand() {
    assertThat(JustStored.of(List.of("a"))).isNull();
  }

  @Test
  void while_publishing_the_patients_pathways_are_at_hand_and_after_it_no_longer() {
    var first = pathway("00000000-0000-0000-0000-000000000001", "a", AT);
    var found = new ArrayList<List<PatientPathway>>();

    JustStored.during(Map.of("a", List.of(first)), () -> found.add(JustStored.of(List.of("a"))));

    assertThat(found).containsExactly(List.of(first));
    assertThat(JustStored.of(List.of("a"))).isNull();
  }

  @Test
  void a_patient_not_at_hand_makes_the_caller_read_them_all() {
    var first = pathway("00000000-0000-0000-0000-000000000001", "a", AT);
    var found = new ArrayList<List<PatientPathway>>();

    JustStored.during(
        Map.of("a", List.of(first), "b", List.of()),
        () -> {
          found.add(JustStored.of(List.of("a", "c")));
          found.add(JustStored.of(List.of("b")));
        });

    assertThat(found.get(0)).isNull();
    assertThat(found.get(1)).isEmpty(); // every pathway of b: none
  }

  @Test
  void in_the_stores_order_by_time_to_the_microsecond_then_by_id_byte_by_byte() {
    // PostgreSQL orders a uuid by its bytes: 8000… after 7fff…, which Java's compareTo reverses
    var high = pathway("80000000-0000-0000-0000-000000000000", "a", AT.plusNanos(900));
    var low = pathway("7fffffff-0000-0000-0000-000000000000", "a", AT.plusNanos(100));
    var later = pathway("00000000-0000-0000-0000-000000000001", "a", AT.plusNanos(1000));
    var found = new ArrayList<List<PatientPathway>>();

    JustStored.during(
        Map.of("a", List.of(later, high, low)), () -> found.add(JustStored.of(List.of("a"))));

    assertThat(ids(found.get(0)))
        .containsExactly(low.header().id(), high.header().id(), later.header().id());
  }
}
