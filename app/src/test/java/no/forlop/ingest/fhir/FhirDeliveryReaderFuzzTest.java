package no.forlop.ingest.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.List;
import java.util.Random;
import no.forlop.testing.BrokenHistories;
import no.forlop.testing.BrokenHistories.Piece;
import no.forlop.testing.Mutation;
import no.forlop.testing.NdjsonLines;
import no.forlop.testing.TestPatients;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;

/**
 * The reader alone, without a server, fed NDJSON and Bundles in which one to three resources of an
 * invented patient are broken in every way {@link Mutation} knows, beside another's untouched
 * history ({@link BrokenHistories}): it never throws anything but the documented {@link
 * UnreadableDeliveryException} (a stretch of lines not even that), accounts for every line, and
 * accepts every untouched resource. QuickTheories on a fixed seed, so every run tries the same
 * examples.
 */
class FhirDeliveryReaderFuzzTest {

  private static final long SEED = 20_261_207L;

  private final FhirDeliveryReader reader = new FhirDeliveryReader();

  private static QuickTheory qt(int examples) {
    return QuickTheory.qt().withFixedSeed(SEED).withExamples(examples).withShrinkCycles(50);
  }

  private static List<Piece> lines(Mutation mutation, Random random) {
    return BrokenHistories.lines(TestPatients.next(), TestPatients.next(), mutation, random);
  }

  /**
   * Every line that holds something gives one item, in order, named by its line in the file; and
   * every untouched line is accepted as its resource.
   */
  private static void everyLineAccountedFor(
      Delivery delivery, List<Piece> lines, List<Boolean> holds, long firstLine) {
    assertThat(holds).hasSize(lines.size());
    var items = delivery.items();
    assertThat(items).hasSize((int) holds.stream().filter(h -> h).count());
    var next = 0;
    for (int i = 0; i < lines.size(); i++) {
      if (!holds.get(i)) {
        continue;
      }
      var item = items.get(next++);
      assertThat(item.position()).isEqualTo("line " + (firstLine + i));
      var untouched = lines.get(i).untouched();
      if (untouched != null) {
        assertThat(item)
            .as("untouched line %d", firstLine + i)
            .isInstanceOf(Delivery.Accepted.class);
        assertThat(item.source()).isEqualTo(untouched);
      }
    }
  }

  @Test
  void
      a_stretch_of_ndjson_lines_never_fails_and_every_line_and_untouched_resource_is_accounted_for() {
    qt(1_000)
        .forAll(
            arbitrary().enumValues(Mutation.class), longs().all(), integers().between(1, 5_000_000))
        .checkAssert(
            (mutation, seed, firstLine) -> {
              var random = new Random(seed);
              var lines = lines(mutation, random);
              var bytes = BrokenHistories.ndjson(lines, random);

              var delivery = reader.readLines(bytes, firstLine);

              everyLineAccountedFor(
                  delivery, lines, NdjsonLines.holdsSomething(bytes, true), firstLine);
            });
  }

  @Test
  void an_ndjson_delivery_is_read_line_by_line_or_refused_as_unreadable_and_nothing_else() {
    qt(500)
        .forAll(arbitrary().enumValues(Mutation.class), longs().all())
        .checkAssert(
            (mutation, seed) -> {
              var random = new Random(seed);
              var lines = lines(mutation, random);
              var bytes = BrokenHistories.ndjson(lines, random);

              var read = new Delivery[1];
              var thrown = catchThrowable(() -> read[0] = reader.read(bytes));

              if (thrown != null) {
                assertThat(thrown).isInstanceOf(UnreadableDeliveryException.class);
                assertThat(NdjsonLines.decoded(bytes, 0, bytes.length))
                    .as(
                        "only a delivery that is not UTF-8 as a whole is unreadable here: %s",
                        thrown)
                    .isNull();
              } else {
                everyLineAccountedFor(read[0], lines, NdjsonLines.holdsSomething(bytes, false), 1);
              }
            });
  }

  @Test
  void a_bundle_with_broken_entries_is_read_entry_by_entry_or_refused_as_unreadable() {
    qt(800)
        .forAll(
            arbitrary().enumValues(Mutation.class),
            longs().all(),
            arbitrary().pick(List.of("batch", "transaction", "collection")))
        .checkAssert(
            (mutation, seed, type) -> {
              var random = new Random(seed);
              var entries =
                  BrokenHistories.entries(
                      TestPatients.next(), TestPatients.next(), mutation, random);
              var bundle = BrokenHistories.bundle(type, entries);

              var read = new Delivery[1];
              var thrown = catchThrowable(() -> read[0] = reader.read(bundle));

              if (thrown != null) {
                assertThat(thrown).isInstanceOf(UnreadableDeliveryException.class);
                assertThat(entries)
                    .as("a bundle of JSON the parser reads is not unreadable: %s", thrown)
                    .anySatisfy(entry -> assertThat(entry.keepsJson()).isFalse());
                return;
              }
              var items = read[0].items();
              if (entries.stream().allMatch(Piece::keepsJson)) {
                assertThat(items).hasSize(entries.size());
              }
              if (items.size() == entries.size()) {
                for (int i = 0; i < entries.size(); i++) {
                  assertThat(items.get(i).position()).isEqualTo("entry " + (i + 1));
                  var untouched = entries.get(i).untouched();
                  if (untouched != null) {
                    assertThat(items.get(i)).isInstanceOf(Delivery.Accepted.class);
                    assertThat(items.get(i).source()).isEqualTo(untouched);
                  }
                }
              }
            });
  }
}
