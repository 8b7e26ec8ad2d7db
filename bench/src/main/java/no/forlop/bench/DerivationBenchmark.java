package no.forlop.bench;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.concurrent.TimeUnit;
import no.forlop.catalog.Catalogue;
import no.forlop.catalog.CatalogueParser;
import no.forlop.coding.ClinicalEvent;
import no.forlop.coding.RuleSetLoader;
import no.forlop.coding.domain.Derivation;
import no.forlop.coding.domain.DerivationResult;
import no.forlop.coding.domain.PatientFacts;
import no.forlop.ingest.fhir.FhirDeliveryReader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The pure derivation: one patient's EHR facts (a full colorectal pathway, 7 resources) to the
 * codes of their pathway, and the FHIR translation of a delivery of 1,000 patients.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DerivationBenchmark {

  private Derivation derivation;
  private PatientFacts facts;
  private FhirDeliveryReader reader;
  private byte[] delivery;

  @Setup
  public void setUp() throws Exception {
    Catalogue catalogue;
    try (var in = DerivationBenchmark.class.getResourceAsStream("/catalog/catalogue.yaml")) {
      catalogue = CatalogueParser.parse(in.readAllBytes());
    }
    derivation =
        new Derivation(
            catalogue,
            RuleSetLoader.bundled(),
            no.forlop.terminology.DefaultTerminology.bundled().terminology());
    reader = new FhirDeliveryReader();
    var one =
        reader.read(
            (SyntheticEhr.organisation() + SyntheticEhr.patient(1))
                .getBytes(StandardCharsets.UTF_8));
    var organisations = new LinkedHashMap<String, ClinicalEvent.OrganisationRecord>();
    var events = new java.util.ArrayList<ClinicalEvent>();
    for (var event : one.events()) {
      if (event instanceof ClinicalEvent.OrganisationRecord o) {
        organisations.put(o.source().key(), o);
      } else {
        events.add(event);
      }
    }
    facts = new PatientFacts("Patient/p1", events, organisations);
    var ndjson = new StringBuilder(SyntheticEhr.organisation());
    for (int i = 0; i < 1000; i++) {
      ndjson.append(SyntheticEhr.patient(i));
    }
    delivery = ndjson.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Patients derived per second. */
  @Benchmark
  public DerivationResult derive_one_patient() {
    return derivation.derive(facts);
  }

  /** Deliveries of 7,001 resources read per second (multiply by 7,001 for resources per second). */
  @Benchmark
  public Object translate_a_delivery_of_7001_resources() {
    return reader.read(delivery);
  }
}
