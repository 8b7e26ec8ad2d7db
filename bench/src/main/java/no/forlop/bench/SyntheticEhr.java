package no.forlop.bench;

import java.time.LocalDate;

/**
 * Generates invented EHR histories as FHIR NDJSON: one colorectal pathway per patient (referral,
 * receipt, first attendance, biopsy, diagnosis, surgery), with valid-checksum fødselsnumre that
 * belong to no one.
 */
public final class SyntheticEhr {

  /**
   * Resources per patient (Patient with an invented name, ServiceRequest, Task, Encounter, 2
   * Procedures, ClinicalImpression).
   */
  public static final int RESOURCES_PER_PATIENT = 7;

  private static final int[] W1 = {3, 7, 6, 1, 8, 9, 4, 5, 2};
  private static final int[] W2 = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};

  private static final String[] FAMILY = {
    "Testesen",
    "Prøvdal",
    "Eksempelrud",
    "Fiktivsen",
    "Oppdiktet",
    "Nordtest",
    "Sørprøve",
    "Vestlund",
    "Østmo",
    "Liksomberg",
    "Tenktvik",
    "Demodal",
    "Øvingsæter"
  };
  private static final String[] GIVEN = {
    "Kari", "Ola", "Ingrid", "Per", "Åse", "Jon", "Sigrid", "Lars", "Bjørg", "Nils", "Astrid"
  };

  private SyntheticEhr() {}

  public static String organisation() {
    return "{\"resourceType\":\"Organization\",\"id\":\"hf1\",\"identifier\":[{\"system\":\"urn:oid:2.16.578.1.12.4.1.4.101\",\"value\":\"910000012\"}],\"name\":\"Fjordby sykehus HF\"}\n";
  }

  /** The NDJSON lines of patient number {@code n}: the whole pathway, up to surgery. */
  public static String patient(int n) {
    return patient(n, LocalDate.of(2024, 1, 1).plusDays(n % 300), 6);
  }

  /**
   * Patient number {@code n} referred on {@code start}, with the first {@code steps} (1 to 6) of
   * the history after the Patient: referral, receipt, first attendance, biopsy, diagnosis, surgery.
   * Fewer steps leave the pathway open at an earlier stage.
   */
  public static String patient(int n, LocalDate start, int steps) {
    var p = "p" + n;
    var received = start.plusDays(2);
    var attended = received.plusDays(7);
    var decided = attended.plusDays(9);
    var operated = decided.plusDays(12 + n % 6);
    var lines = new String[7];
    lines[0] =
        "{\"resourceType\":\"Patient\",\"id\":\"%s\",\"identifier\":[{\"system\":\"urn:oid:2.16.578.1.12.4.1.4.1\",\"value\":\"%s\"}],\"name\":[{\"family\":\"%s\",\"given\":[\"%s\"]}]}\n"
            .formatted(
                p,
                fodselsnummer(n),
                FAMILY[n % FAMILY.length],
                GIVEN[(n / FAMILY.length) % GIVEN.length]);
    lines[1] =
        "{\"resourceType\":\"ServiceRequest\",\"id\":\"sr-%s\",\"status\":\"active\",\"intent\":\"order\",\"subject\":{\"reference\":\"Patient/%s\"},\"performer\":[{\"reference\":\"Organization/hf1\"}],\"authoredOn\":\"%sT14:05:00+01:00\",\"code\":{\"coding\":[{\"system\":\"urn:oid:2.16.578.1.12.4.1.1.8480\",\"code\":\"A12A\"}]}}\n"
            .formatted(p, p, start);
    lines[2] =
        "{\"resourceType\":\"Task\",\"id\":\"t-%s\",\"status\":\"received\",\"intent\":\"order\",\"focus\":{\"reference\":\"ServiceRequest/sr-%s\"},\"for\":{\"reference\":\"Patient/%s\"},\"owner\":{\"reference\":\"Organization/hf1\"},\"authoredOn\":\"%sT09:10:00+01:00\"}\n"
            .formatted(p, p, p, received);
    lines[3] =
        "{\"resourceType\":\"Encounter\",\"id\":\"e-%s\",\"status\":\"finished\",\"class\":{\"system\":\"http://terminology.hl7.org/CodeSystem/v3-ActCode\",\"code\":\"AMB\"},\"subject\":{\"reference\":\"Patient/%s\"},\"serviceProvider\":{\"reference\":\"Organization/hf1\"},\"period\":{\"start\":\"%sT08:30:00+01:00\"}}\n"
            .formatted(p, p, attended);
    lines[4] =
        "{\"resourceType\":\"Procedure\",\"id\":\"bx-%s\",\"status\":\"completed\",\"subject\":{\"reference\":\"Patient/%s\"},\"performedDateTime\":\"%sT10:00:00+01:00\",\"code\":{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"86273004\"}]}}\n"
            .formatted(p, p, attended);
    lines[5] =
        "{\"resourceType\":\"ClinicalImpression\",\"id\":\"ci-%s\",\"status\":\"completed\",\"subject\":{\"reference\":\"Patient/%s\"},\"date\":\"%sT13:00:00+01:00\",\"encounter\":{\"reference\":\"Encounter/e-%s\"},\"finding\":[{\"itemCodeableConcept\":{\"coding\":[{\"system\":\"urn:oid:2.16.578.1.12.4.1.1.7110\",\"code\":\"C18.7\"}]}}]}\n"
            .formatted(p, p, decided, p);
    lines[6] =
        "{\"resourceType\":\"Procedure\",\"id\":\"op-%s\",\"status\":\"completed\",\"subject\":{\"reference\":\"Patient/%s\"},\"performedDateTime\":\"%sT08:00:00+01:00\",\"category\":{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"387713003\"}]}}\n"
            .formatted(p, p, operated);
    var sb = new StringBuilder(3000);
    for (int i = 0; i <= Math.min(steps, 6); i++) {
      sb.append(lines[i]);
    }
    return sb.toString();
  }

  /** An invented fødselsnummer with valid check digits, different for every n. */
  static String fodselsnummer(int n) {
    for (int k = 0; ; k++) {
      int m = n * 7 + k;
      var base =
          "%02d%02d%02d%03d"
              .formatted(
                  1 + m % 28, 1 + (m / 28) % 12, 40 + (m / 336) % 50, 100 + (m / 16800) % 800);
      int k1 = control(base, W1);
      if (k1 == 10) continue;
      int k2 = control(base + k1, W2);
      if (k2 == 10) continue;
      return base + k1 + k2;
    }
  }

  private static int control(String digits, int[] weights) {
    int sum = 0;
    for (int i = 0; i < weights.length; i++) sum += (digits.charAt(i) - '0') * weights[i];
    int k = 11 - sum % 11;
    return k == 11 ? 0 : k;
  }
}
