package no.forlop.ingest.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.TreeMap;
import java.util.TreeSet;
import no.forlop.testing.Hl7Examples;
import no.forlop.testing.Hl7Examples.Example;
import no.forlop.testing.Hl7Examples.Outcome;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * The official HL7 R4 examples (hl7-r4-examples/) through the reader alone, without a server: each
 * gets the outcome written in expected.csv. The same examples go through the FHIR endpoint and the
 * bulk import in {@code Hl7ExamplesIT}.
 */
class Hl7ExamplesTest {

  private final FhirDeliveryReader reader = new FhirDeliveryReader();

  @Test
  void the_vendored_examples_are_byte_for_byte_as_published() throws Exception {
    var sums = new TreeMap<String, String>();
    Hl7Examples.read("SHA256SUMS")
        .lines()
        .filter(line -> !line.isBlank())
        .forEach(line -> sums.put(line.substring(66), line.substring(0, 64)));

    assertThat(jsonFiles()).containsExactlyElementsOf(sums.keySet());
    for (var file : sums.keySet()) {
      assertThat(sha256(Hl7Examples.bytes(file))).as(file).isEqualTo(sums.get(file));
    }
  }

  @Test
  void every_vendored_example_has_exactly_one_expectation() throws Exception {
    var files = Hl7Examples.all().stream().map(Example::file).toList();

    assertThat(files).doesNotHaveDuplicates();
    assertThat(new TreeSet<>(files)).containsExactlyElementsOf(jsonFiles());
  }

  @Test
  void every_expectation_is_consistent_with_itself() {
    assertThat(Hl7Examples.all())
        .allSatisfy(
            example -> {
              assertThat(example.since()).as(example.file()).isIn("", Hl7Examples.SHAPES);
              assertThat(example.file()).startsWith(example.type() + "-");
              switch (example.outcome()) {
                case STORED -> {
                  assertThat(example.status()).as(example.file()).isEqualTo(200);
                  assertThat(example.reason()).as(example.file()).isEmpty();
                }
                case IGNORED -> {
                  assertThat(example.status()).as(example.file()).isEqualTo(200);
                  assertThat(example.reason()).as(example.file()).matches("[A-Z_]+");
                }
                case REJECTED -> {
                  assertThat(example.status()).as(example.file()).isEqualTo(400);
                  assertThat(example.reason()).as(example.file()).matches("[A-Z_]+");
                }
              }
            });
  }

  @Test
  void the_reader_gives_every_example_the_outcome_expected_of_it() {
    var shapesMerged = reader.resourceTypes().contains("Medication");
    var skipped = new ArrayList<String>();
    var softly = new SoftAssertions();

    for (var example : Hl7Examples.all()) {
      var delivery = reader.read(example.body());
      assertThat(delivery.items()).as(example.file()).hasSize(1);
      var item = delivery.items().get(0);
      var actual = outcomeOf(item) + " " + reasonOf(item);
      if (example.pending() && !shapesMerged) {
        skipped.add(example.file() + " (today " + actual.strip() + ")");
        continue;
      }
      softly
          .assertThat(actual.strip())
          .as("%s: %s", example.file(), example.why())
          .isEqualTo((example.outcome() + " " + example.reason()).strip());
      if (!example.text().isEmpty() && reasonOf(item).equals(example.reason())) {
        softly.assertThat(textOf(item)).as(example.file()).contains(example.text());
      }
      if (item instanceof Delivery.Accepted accepted) {
        softly.assertThat(accepted.event().source().key()).isEqualTo(example.key());
      }
    }
    System.out.printf(
        "Hl7ExamplesTest: %d example(s) marked since=shapes skipped until the shapes branch is"
            + " merged: %s%n",
        skipped.size(), skipped);
    softly.assertAll();
  }

  private static Outcome outcomeOf(Delivery.Item item) {
    if (item instanceof Delivery.Rejected) {
      return Outcome.REJECTED;
    }
    return item instanceof Delivery.Ignored ? Outcome.IGNORED : Outcome.STORED;
  }

  private static String reasonOf(Delivery.Item item) {
    if (item instanceof Delivery.Rejected rejected) {
      return rejected.reason().code();
    }
    return item instanceof Delivery.Ignored ignored ? ignored.reason().code() : "";
  }

  private static String textOf(Delivery.Item item) {
    if (item instanceof Delivery.Rejected rejected) {
      return rejected.reason().english();
    }
    return item instanceof Delivery.Ignored ignored ? ignored.reason().english() : "";
  }

  private static TreeSet<String> jsonFiles() throws IOException, URISyntaxException {
    var folder = Path.of(Hl7ExamplesTest.class.getResource(Hl7Examples.FOLDER).toURI());
    try (var files = Files.list(folder)) {
      return files
          .map(path -> path.getFileName().toString())
          .filter(name -> name.endsWith(".json"))
          .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
    }
  }

  private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
