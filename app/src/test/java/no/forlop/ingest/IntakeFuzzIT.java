package no.forlop.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import no.forlop.testing.ApplicationTest;
import no.forlop.testing.BrokenHistories;
import no.forlop.testing.Mutation;
import no.forlop.testing.NdjsonLines;
import no.forlop.testing.TestPatients;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.quicktheories.QuickTheory;
import tools.jackson.databind.JsonNode;

/**
 * The running server fed batch Bundles and bulk NDJSON in which one to three resources of an
 * invented patient are broken ({@link Mutation}: truncated, NUL escaped and raw, strings over 1 MB,
 * wrong JSON types, nesting 2,000 levels deep and within the parser's limit, dropped and duplicated
 * properties, invalid UTF-8, random bytes, huge exponents), beside another patient's untouched
 * colorectal history ({@link BrokenHistories}). Never a 5xx; never a good sibling lost: the
 * untouched patient's pathway gets its four codes, read back through the REST API; and the server
 * still answers afterwards. Every kind of break is tried on both channels, on fixed seeds.
 */
class IntakeFuzzIT extends ApplicationTest {

  private static final long SEED = 20_261_207L;

  /** The codes the untouched colorectal history gives (see ColorectalHistory). */
  private static final Map<String, String> CODES =
      Map.of(
          "A12A", "2024-03-04",
          "A12S", "2024-03-11",
          "A12CK", "2024-03-20",
          "A12FK", "2024-04-05");

  private static QuickTheory qt(Mutation mutation, int examples) {
    return QuickTheory.qt()
        .withFixedSeed(SEED + mutation.ordinal())
        .withExamples(examples)
        .withShrinkCycles(3);
  }

  @ParameterizedTest
  @EnumSource(Mutation.class)
  void a_batch_with_broken_entries_never_fails_and_never_loses_a_good_entry(Mutation mutation) {
    qt(mutation, 2)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              var random = new Random(seed);
              var good = TestPatients.next();
              var entries = BrokenHistories.entries(good, TestPatients.next(), mutation, random);

              var answer =
                  post(
                      "/fhir",
                      "application/fhir+json",
                      BrokenHistories.bundle("batch", entries),
                      AS,
                      "ehr");

              assertThat(answer.status()).as(answer.body()).isLessThan(500);
              if (answer.status() == 200) {
                var answers = answer.json().path("entry");
                assertThat(answers.size()).isEqualTo(entries.size());
                for (int i = 0; i < entries.size(); i++) {
                  var status = answers.get(i).path("response").path("status").asString();
                  if (entries.get(i).untouched() != null) {
                    assertThat(status).as("untouched entry %d", i).isEqualTo("200 OK");
                  } else {
                    assertThat(status).as("broken entry %d", i).doesNotStartWith("5");
                  }
                }
                assertThat(codesOf(good)).as("the untouched patient's codes").isEqualTo(CODES);
              } else {
                // refused as a whole: only a body the parser cannot read as JSON, never half stored
                assertThat(entries).anySatisfy(e -> assertThat(e.keepsJson()).isFalse());
                assertThat(answer.status()).isEqualTo(400);
                assertThat(answer.reason()).isIn("UNREADABLE_BODY", "DUPLICATE_PROPERTY");
                assertThat(pathways(good)).as("nothing of a refused batch is stored").isEmpty();
              }
              assertThat(get("/fhir/metadata").status()).isEqualTo(200);
            });
  }

  @ParameterizedTest
  @EnumSource(Mutation.class)
  void a_bulk_import_with_broken_lines_never_fails_and_never_loses_a_good_line(Mutation mutation) {
    qt(mutation, 1)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              var random = new Random(seed);
              var good = TestPatients.next();
              var lines = BrokenHistories.lines(good, TestPatients.next(), mutation, random);
              var ndjson = BrokenHistories.ndjson(lines, random);
              var holds = NdjsonLines.holdsSomething(ndjson, true);

              var started =
                  post("/api/v1/ingest/bulk?name=fuzz.ndjson", "application/fhir+ndjson", ndjson);

              assertThat(started.status()).as(started.body()).isEqualTo(202);
              var job = follow(started.location());
              assertThat(job.path("status").asString()).as(job.toString()).isEqualTo("DONE");
              assertThat(job.path("linesRead").asInt()).isEqualTo(lines.size());
              var items =
                  job.path("accepted").asLong()
                      + job.path("rejected").asLong()
                      + job.path("ignored").asLong();
              assertThat(items)
                  .as("one outcome a line that holds something")
                  .isEqualTo(holds.stream().filter(h -> h).count());
              var report =
                  get("/api/v1/ingest/bulk/" + job.path("id").asString() + "/report?limit=1000")
                      .json();
              var notUsed = new HashSet<String>();
              report.path("rejected").forEach(r -> notUsed.add(r.path("location").asString()));
              report.path("ignored").forEach(r -> notUsed.add(r.path("location").asString()));
              for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).untouched() != null) {
                  assertThat(notUsed)
                      .as("untouched line %d", i + 1)
                      .doesNotContain("line " + (i + 1));
                }
              }
              assertThat(codesOf(good)).as("the untouched patient's codes").isEqualTo(CODES);
              assertThat(get("/fhir/metadata").status()).isEqualTo(200);
            });
  }

  private JsonNode pathways(String patient) {
    var response = pathwaysOf(patient);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json();
  }

  /** The codes of the patient's one pathway, with their dates. */
  private Map<String, String> codesOf(String patient) {
    var pathways = pathways(patient);
    assertThat(pathways).as("pathways of %s", patient).hasSize(1);
    var codes = new java.util.HashMap<String, String>();
    pathways
        .get(0)
        .path("codes")
        .forEach(c -> codes.put(c.path("code").asString(), c.path("date").asString()));
    return codes;
  }

  private JsonNode follow(String location) {
    JsonNode job = null;
    for (int i = 0; i < 1200; i++) {
      job = get(location).json();
      if (!job.path("status").asString().equals("RUNNING")) {
        return job;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("the bulk import did not finish: " + job);
  }
}
