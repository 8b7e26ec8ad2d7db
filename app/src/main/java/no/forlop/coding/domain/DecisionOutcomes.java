package no.forlop.coding.domain;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import no.forlop.catalog.Icd10Group;
import no.forlop.catalog.Milestone;
import no.forlop.catalog.PathwayKind;
import no.forlop.coding.ClinicalEvent.Assessment;
import no.forlop.coding.Code;
import org.jspecify.annotations.Nullable;

/**
 * Part of the decisions family: what an assessment decided. For cancer, its ICD-10 diagnosis
 * ({@code DECISION-FROM-DIAGNOSIS}: CK, CM, CU, CA, CI); for mental health, the outcome it records
 * ({@code MH-DECISION-OUTCOME}).
 */
final class DecisionOutcomes {

  /**
   * A decision's outcome: the code's suffix, and the values it was read from. What a cancer
   * diagnosis means is a code ({@code meaning}: {@code CANCER_OF_PATHWAY_ORGAN}, {@code
   * OTHER_CANCER} …), which the pages say in words ({@code pathway.input.meaning.<CODE>}).
   */
  record Outcome(String suffix, Map<String, String> inputs) {}

  private final DerivationContext context;

  DecisionOutcomes(DerivationContext context) {
    this.context = context;
  }

  @Nullable Outcome cancer(DraftInstance instance, Assessment assessment) {
    var rule = RuleId.DECISION_FROM_DIAGNOSIS;
    var icd10 =
        assessment.findings().stream()
            .filter(c -> Code.ICD10.equals(c.system()))
            .map(Code::icd10Normalised)
            .toList();
    if (icd10.isEmpty()) {
      return null;
    }
    var own = icd10.stream().filter(instance.pathway::hasIcd10).findFirst();
    var metastasis =
        icd10.stream().filter(c -> context.inGroups(c, rule, "metastasisGroups")).findFirst();
    var malignant = icd10.stream().filter(this::isMalignant).findFirst();
    var noDisease =
        context.parameter(rule, "noDiseaseCodes").stream().map(Icd10Group::normalise).toList();
    var other = icd10.stream().filter(c -> !noDisease.contains(c)).findFirst();
    var kind = instance.pathway.kind();
    if (kind == PathwayKind.DIAGNOSTIC || kind == PathwayKind.METASTASES) {
      if (metastasis.isPresent()) {
        return new Outcome(
            "CU", Map.of("icd10", metastasis.get(), "meaning", "METASTASIS_UNKNOWN_ORIGIN"));
      }
      if (malignant.isPresent()) {
        return new Outcome(
            "CK", Map.of("icd10", malignant.get(), "meaning", "ORGAN_SPECIFIC_CANCER"));
      }
    } else {
      if (own.isPresent()) {
        return new Outcome("CK", Map.of("icd10", own.get(), "meaning", "CANCER_OF_PATHWAY_ORGAN"));
      }
      if (malignant.isPresent()) {
        return new Outcome("CM", Map.of("icd10", malignant.get(), "meaning", "OTHER_CANCER"));
      }
    }
    if (other.isPresent()) {
      return new Outcome("CA", Map.of("icd10", other.get(), "meaning", "OTHER_DISEASE"));
    }
    return new Outcome("CI", Map.of("icd10", icd10.get(0), "meaning", "NO_DISEASE"));
  }

  /**
   * The outcome of a mental-health decision, in either encoding: the outcome alone ({@code CU}),
   * beside the pathway type ({@code D11} in kodeverk 9321), or concatenated ({@code D11CU}). A
   * decision that names another pathway type is not this pathway's.
   */
  @Nullable Outcome mentalHealth(DraftInstance instance, Assessment assessment) {
    var prefix = instance.pathway.codePrefix().value();
    var outcomeSystems = context.parameter(RuleId.MH_DECISION_OUTCOME, "outcomeSystems");
    var typeSystems = context.parameter(RuleId.MH_DECISION_OUTCOME, "pathwayTypeSystems");
    var types =
        assessment.findings().stream()
            .filter(c -> typeSystems.contains(c.system()))
            .map(c -> c.code().strip().toUpperCase(Locale.ROOT))
            .distinct()
            .toList();
    if (!types.isEmpty() && (prefix == null || !types.contains(prefix))) {
      return null;
    }
    for (var finding : assessment.findings()) {
      if (!outcomeSystems.contains(finding.system())) {
        continue;
      }
      var text = finding.code().strip().toUpperCase(Locale.ROOT);
      var suffix =
          prefix != null && text.startsWith(prefix) ? text.substring(prefix.length()) : text;
      if (context.code(instance, Milestone.CLINICAL_DECISION, suffix).isPresent()) {
        var inputs = new LinkedHashMap<String, String>();
        inputs.put("outcome", text);
        if (!types.isEmpty()) {
          inputs.put("pathwayType", types.get(0));
        }
        return new Outcome(suffix, inputs);
      }
    }
    return null;
  }

  private boolean isMalignant(String icd10) {
    var rule = RuleId.DECISION_FROM_DIAGNOSIS;
    var from = Icd10Group.normalise(context.single(rule, "malignantFrom"));
    var to = Icd10Group.normalise(context.single(rule, "malignantTo"));
    return new Icd10Group(from, to, null, false, null, null).contains(icd10);
  }
}
