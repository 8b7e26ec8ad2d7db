package no.forlop.pathway.domain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import no.forlop.catalog.Catalogue;
import no.forlop.catalog.CatalogueParser;
import no.forlop.catalog.StartRule.StartBasis;
import no.forlop.pathway.CodeFact;
import no.forlop.pathway.CodeState;
import no.forlop.pathway.LeadTime;
import no.forlop.pathway.Origin;
import no.forlop.pathway.PathwayState;
import no.forlop.pathway.Rejection;
import no.forlop.pathway.domain.PatientPathway.Outcome;
import org.jspecify.annotations.Nullable;

/**
 * Builds pathways for tests through the real transitions, against the bundled catalogue.
 *
 * <p>Dates: 2024 is the reference year (a leap year whose Easter, 31 March, falls next to the end
 * of a month and near the DST change), and "today" is 2024-12-31 unless a test says otherwise.
 */
final class PathwayFixture {

  static final Catalogue CATALOGUE = load();
  static final LocalDate TODAY = LocalDate.of(2024, 12, 31);

  final CodingRules rules;
  final PatientPathway pathway;
  private LocalDate today = TODAY;

  private PathwayFixture(String pathwayId, @Nullable String variant) {
    var definition = CATALOGUE.pathway(pathwayId).orElseThrow();
    this.rules =
        new CodingRules(definition, CATALOGUE.schemeOf(definition), CATALOGUE.codesOf(definition));
    this.pathway =
        new PatientPathway(
            new PatientPathway.Header(
                UUID.randomUUID(),
                "12036110072",
                pathwayId,
                "910000012",
                variant,
                Instant.parse("2024-01-01T08:00:00Z"),
                "test",
                CATALOGUE.version(),
                null),
            List.of());
  }

  static PathwayFixture aPathway(String pathwayId) {
    return new PathwayFixture(pathwayId, null);
  }

  static PathwayFixture aPathway(String pathwayId, String variant) {
    return new PathwayFixture(pathwayId, variant);
  }

  static LocalDate date(String iso) {
    return LocalDate.parse(iso);
  }

  PathwayFixture today(String iso) {
    this.today = LocalDate.parse(iso);
    return this;
  }

  PatientPathway.Context context() {
    return new PatientPathway.Context(
        today, "coordinator", Instant.parse("2024-06-30T10:00:00Z"), CATALOGUE.version());
  }

  /** Registers codes that must be accepted ("A12A 2024-03-04", ...). */
  PathwayFixture with(String... codesAndDates) {
    for (var entry : codesAndDates) {
      var parts = entry.split(" ");
      var outcome = register(parts[0], parts[1]);
      if (outcome instanceof Outcome.Refused refused) {
        throw new AssertionError(entry + " was refused: " + refused.rejection().englishText());
      }
    }
    return this;
  }

  Outcome register(String code, String date) {
    return register(code, date, CodeState.REGISTERED);
  }

  Outcome register(String code, String date, CodeState state) {
    var definition =
        rules.resolve(code).orElseThrow(() -> new AssertionError("no code " + code + " here"));
    return pathway.register(
        new PatientPathway.NewCode(
            definition, LocalDate.parse(date), state, Origin.MANUAL, null, null, null, null),
        rules,
        context());
  }

  Outcome registerStart(
      String date,
      @Nullable StartBasis basis,
      @Nullable String received,
      @Nullable String assessed) {
    var definition = rules.resolve("PATHWAY_START").orElseThrow();
    return pathway.register(
        new PatientPathway.NewCode(
            definition,
            LocalDate.parse(date),
            CodeState.REGISTERED,
            Origin.MANUAL,
            basis,
            received == null ? null : LocalDate.parse(received),
            assessed == null ? null : LocalDate.parse(assessed),
            null),
        rules,
        context());
  }

  Registration registration(String code) {
    var definition = rules.resolve(code).orElseThrow();
    return pathway.registrations().stream()
        .filter(r -> r.code().key().equals(definition.key()))
        .filter(r -> r.status() == Registration.Status.ACTIVE)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no active " + code));
  }

  PathwayState state() {
    return pathway.state(rules);
  }

  /** The derivation tracked these milestones (types) on the pathway, all on the given day. */
  PathwayFixture tracking(String iso, String... types) {
    var found = new java.util.ArrayList<>(pathway.milestones());
    for (var type : types) {
      found.add(
          new no.forlop.pathway.TrackedMilestone(type, date(iso), "TEST", List.of("Encounter/e1")));
    }
    pathway.track(found);
    return this;
  }

  /** The clinical decision was taken on this day at the trust that transferred the patient here. */
  PathwayFixture decidedAtSender(String iso) {
    pathway.track(
        List.of(
            new no.forlop.pathway.TrackedMilestone(
                no.forlop.pathway.TrackedMilestone.DECIDED_AT_SENDER,
                date(iso),
                "TREATMENT-AFTER-TRANSFER",
                List.of("ClinicalImpression/c1"))));
    return this;
  }

  List<LeadTime> leadTimes(String asOf) {
    var decidedElsewhere = pathway.decidedElsewhere();
    var walk = rules.walk(pathway.registrations(), decidedElsewhere);
    return new LeadTimes(CATALOGUE, rules)
        .measure(walk.inClinicalOrder(), walk.state(), date(asOf), pathway.measuringBasis());
  }

  LeadTime leadTime(String indicator, String asOf) {
    return leadTimes(asOf).stream()
        .filter(l -> l.indicator().equals(indicator))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + indicator + " in " + leadTimes(asOf)));
  }

  static Rejection.Reason reasonOf(Outcome outcome) {
    if (outcome instanceof Outcome.Refused refused) {
      return refused.rejection().reason();
    }
    throw new AssertionError("expected a refusal, but it was recorded: " + outcome);
  }

  static CodeFact factOf(Outcome outcome) {
    if (outcome instanceof Outcome.Recorded recorded) {
      return recorded.fact();
    }
    throw new AssertionError(
        "expected it to be recorded, but: "
            + ((Outcome.Refused) outcome).rejection().englishText());
  }

  private static Catalogue load() {
    try (var in = PathwayFixture.class.getResourceAsStream("/catalog/catalogue.yaml")) {
      return CatalogueParser.parse(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
