package no.forlop.demo;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A cancer pathway as the demo needs it: the code on its referrals, the diagnoses that confirm it
 * or not, who gets it, typical days per interval (its norm, or a plausible pace where the catalogue
 * has none), and how it is treated.
 */
enum Organ {
  COLORECTAL(
      "A12",
      List.of("C18.7", "C18.2", "C18.0", "C20", "C19"),
      List.of("D12.6", "K57.3", "K63.5"),
      null,
      50,
      86,
      9,
      12,
      14,
      new int[] {6, 2, 2, 0, 0},
      List.of("L01BC06", "L01XA03")),
  PROSTATE(
      "A16",
      List.of("C61"),
      List.of("N40", "N41.1"),
      true,
      50,
      85,
      10,
      18,
      21,
      new int[] {4, 2, 3, 2, 0},
      List.of("L02BB03", "L02AE02")),
  OVARIAN(
      "A21",
      List.of("C56", "C57.0"),
      List.of("N83.2", "D27"),
      false,
      40,
      82,
      7,
      14,
      14,
      new int[] {7, 3, 0, 0, 0},
      List.of("L01XA02", "L01CD01")),
  OESOPHAGUS_STOMACH(
      "A32",
      List.of("C16.0", "C16.9", "C15.5"),
      List.of("K25.9", "K22.2"),
      null,
      50,
      86,
      10,
      14,
      14,
      new int[] {4, 5, 1, 0, 0},
      List.of("L01BC02")),
  SARCOMA(
      "A36",
      List.of("C49.2", "C40.2", "C48.0"),
      List.of("D17.2", "D21.2"),
      null,
      25,
      80,
      8,
      21,
      14,
      new int[] {7, 1, 2, 0, 0},
      List.of("L01DB01")),
  THYROID(
      "A37",
      List.of("C73"),
      List.of("E04.1", "D34"),
      null,
      30,
      75,
      10,
      10,
      21,
      new int[] {1, 0, 0, 0, 0},
      List.of()),
  BREAST(
      null,
      List.of("C50.4", "C50.9", "C50.2"),
      List.of("D24", "N60.1"),
      false,
      40,
      82,
      7,
      12,
      13,
      new int[] {7, 3, 0, 0, 0},
      List.of("L01CD01")),
  METASTASES(
      "B01",
      List.of("C78.7", "C79.5", "C77.2", "C80.0"),
      List.of("K76.8", "M81.9"),
      null,
      50,
      86,
      7,
      14,
      14,
      new int[] {0, 6, 2, 0, 2},
      List.of("L01XA01")),
  DIAGNOSTIC(
      "C01",
      List.of("C34.1", "C25.0", "C64", "C80.9"),
      List.of("D50.9", "K29.7", "M35.3"),
      null,
      45,
      88,
      7,
      14,
      0,
      new int[] {0, 0, 0, 0, 0},
      List.of());

  final @Nullable String prefix;
  final List<String> own;
  final List<String> benign;
  final @Nullable Boolean male;
  final int minAge;
  final int maxAge;
  final int toAttendance;
  final int toDecision;
  final int toTreatment;
  final int[] treatmentWeights;
  final List<String> drugs;

  Organ(
      @Nullable String prefix,
      List<String> own,
      List<String> benign,
      @Nullable Boolean male,
      int minAge,
      int maxAge,
      int toAttendance,
      int toDecision,
      int toTreatment,
      int[] treatmentWeights,
      List<String> drugs) {
    this.prefix = prefix;
    this.own = own;
    this.benign = benign;
    this.male = male;
    this.minAge = minAge;
    this.maxAge = maxAge;
    this.toAttendance = toAttendance;
    this.toDecision = toDecision;
    this.toTreatment = toTreatment;
    this.treatmentWeights = treatmentWeights;
    this.drugs = drugs;
  }

  /** Treatments, as the EHR records them (surveillance and palliation only as text). */
  enum Treatment {
    SURGERY,
    DRUG,
    RADIOTHERAPY,
    SURVEILLANCE,
    PALLIATIVE
  }
}
