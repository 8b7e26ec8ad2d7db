package no.forlop.coding.domain;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every rule the derivation implements: its id, the stable external name kept in {@code
 * coding/derivation-rules.yaml} and in every derived code's trace, and the parameters it reads
 * there. The known-rule list of {@link DerivationRules} is derived from this, so a rule is added in
 * one place in the code (and one in the YAML).
 */
public enum RuleId {
  START_REFERRAL_RECEIVED("START-REFERRAL-RECEIVED", "taskStatuses", "ignoredReferralStatuses"),
  START_REFERRAL_AUTHORED("START-REFERRAL-AUTHORED"),
  START_SUSPICION_IN_HOSPITAL("START-SUSPICION-IN-HOSPITAL"),
  START_PK_INFERRED("START-PK-INFERRED", "priorityCodes"),
  MH_START_ASSESSED("MH-START-ASSESSED", "taskStatuses"),
  MH_START_RECEIVED("MH-START-RECEIVED", "taskStatuses", "until"),
  MH_START_EMERGENCY("MH-START-EMERGENCY", "statuses", "classes", "windowDays"),
  MH_DIRECT_TREATMENT_RIGHT("MH-DIRECT-TREATMENT-RIGHT", "taskStatuses", "outcomeCodes"),
  TRANSFER_SENT("TRANSFER-SENT", "notTransferConcepts"),
  FIRST_ATTENDANCE_ENCOUNTER("FIRST-ATTENDANCE-ENCOUNTER", "statuses", "concepts"),
  FIRST_ATTENDANCE_IMAGING("FIRST-ATTENDANCE-IMAGING", "ignoredStatuses", "pathwayKinds"),
  MH_FIRST_ATTENDANCE_INPATIENT("MH-FIRST-ATTENDANCE-INPATIENT", "classes"),
  MH_FIRST_ATTENDANCE_OUTPATIENT("MH-FIRST-ATTENDANCE-OUTPATIENT", "classes"),
  BIOPSY_TAKEN("BIOPSY-TAKEN", "statuses", "concepts"),
  DECISION_FROM_DIAGNOSIS(
      "DECISION-FROM-DIAGNOSIS",
      "statuses",
      "malignantFrom",
      "malignantTo",
      "metastasisGroups",
      "noDiseaseCodes"),
  MH_DECISION_OUTCOME("MH-DECISION-OUTCOME", "statuses", "outcomeSystems", "pathwayTypeSystems"),
  MH_DECISION_FROM_DIAGNOSIS(
      "MH-DECISION-FROM-DIAGNOSIS",
      "statuses",
      "icd10Groups",
      "substanceUseOutcome",
      "mentalHealthOutcome"),
  MH_TREATMENT_START(
      "MH-TREATMENT-START", "procedureStatuses", "concepts", "drugStatuses", "atcPrefixes"),
  MH_EVALUATION("MH-EVALUATION", "statuses", "concepts", "questionnaires"),
  MH_PATIENT_DELAY(
      "MH-PATIENT-DELAY",
      "missedStatuses",
      "cancelledStatuses",
      "cancellationReasonSystems",
      "patientReasons",
      "nextStatuses",
      "moreThanWorkingDays"),
  MH_END_EPISODE("MH-END-EPISODE", "statuses", "pathwayKinds"),
  MH_END_OTHER_REASONS("MH-END-OTHER-REASONS", "episodeStatuses", "pathwayKinds", "reason"),
  TREATMENT_SURGERY("TREATMENT-SURGERY", "statuses", "concepts"),
  TREATMENT_DRUG("TREATMENT-DRUG", "statuses", "atcPrefixes", "concepts"),
  TREATMENT_RADIOTHERAPY("TREATMENT-RADIOTHERAPY", "statuses", "concepts"),
  TREATMENT_SURVEILLANCE("TREATMENT-SURVEILLANCE", "statuses", "concepts"),
  TREATMENT_NONE("TREATMENT-NONE", "statuses", "concepts"),
  TREATMENT_PALLIATIVE("TREATMENT-PALLIATIVE", "statuses", "concepts"),
  TREATMENT_AFTER_TRANSFER("TREATMENT-AFTER-TRANSFER"),
  END_AT_DEATH("END-AT-DEATH", "pathwayKinds"),
  END_PATIENT_DECLINED("END-PATIENT-DECLINED", "pathwayKinds", "concepts"),
  END_OUTSIDE_PATHWAY("END-OUTSIDE-PATHWAY", "pathwayKinds", "concepts");

  private final String id;
  private final Set<String> parameters;

  RuleId(String id, String... parameters) {
    this.id = id;
    this.parameters = Set.of(parameters);
  }

  /** The rule's id in the YAML and in traces, e.g. {@code START-REFERRAL-RECEIVED}. */
  public String id() {
    return id;
  }

  /** The parameters the rule reads from the YAML; each must be given there, and no other. */
  public Set<String> parameters() {
    return parameters;
  }

  /** Every rule id with the parameters it reads, in declaration order. */
  public static Map<String, Set<String>> known() {
    var known = new LinkedHashMap<String, Set<String>>();
    for (var rule : values()) {
      known.put(rule.id, rule.parameters);
    }
    return java.util.Collections.unmodifiableMap(known);
  }

  /** The ids of all rules. */
  public static List<String> ids() {
    return Arrays.stream(values()).map(RuleId::id).toList();
  }

  @Override
  public String toString() {
    return id;
  }
}
