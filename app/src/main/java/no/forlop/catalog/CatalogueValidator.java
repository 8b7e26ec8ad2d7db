package no.forlop.catalog;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** Understands what makes a catalogue document consistent, and says where it is not. */
final class CatalogueValidator {

  static final int MAX_NORM_DAYS = 730;
  private static final Pattern VERSION = Pattern.compile("[0-9A-Za-z][0-9A-Za-z._-]{0,39}");
  private static final Pattern PREFIX = Pattern.compile("[A-Z]\\d{2}");
  private static final Pattern SUFFIX = Pattern.compile("[A-Z]{1,2}");
  private static final Pattern REASON = Pattern.compile("[A-Z][A-Z_]{1,39}");
  private static final Pattern ICD10 = Pattern.compile("[A-Z]\\d{2}(\\.?\\d{1,2})?");
  private static final Pattern ID = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,59}");

  private final CatalogueDocument doc;
  private final List<String> problems = new ArrayList<>();

  CatalogueValidator(CatalogueDocument doc) {
    this.doc = doc;
  }

  List<String> problems() {
    if (doc.version() == null || !VERSION.matcher(doc.version()).matches()) {
      problem("version", "must be 1–40 letters, digits, '.', '-' or '_', was " + doc.version());
    }
    var treatments = ids("treatmentTypes", doc.treatmentTypes(), TreatmentType::id);
    var variants = ids("normVariants", doc.normVariants(), NormVariant::id);
    var indicators = ids("indicators", doc.indicators(), IndicatorDefinition::id);
    doc.indicators().forEach(this::checkIndicator);
    var schemes = ids("schemes", doc.schemes(), CodingScheme::id);
    Map<String, CodingScheme> schemeById =
        doc.schemes().stream()
            .filter(s -> s.id() != null)
            .collect(Collectors.toMap(CodingScheme::id, Function.identity(), (a, b) -> a));
    for (var scheme : doc.schemes()) {
      checkScheme(scheme, indicators, treatments);
    }
    ids("pathways", doc.pathways(), PathwayDefinition::id);
    for (var pathway : doc.pathways()) {
      checkPathway(pathway, schemes, schemeById, treatments, variants);
    }
    checkPrefixesAreUnique();
    return problems;
  }

  private void checkIndicator(IndicatorDefinition indicator) {
    var at = "indicators[" + indicator.id() + "]";
    if (indicator.from() == null || indicator.to() == null) {
      problem(at, "needs both 'from' and 'to' milestones");
    } else if (indicator.from() == indicator.to() && !indicator.repeating()) {
      problem(at, "goes from " + indicator.from() + " to itself but is not 'repeating'");
    }
    checkNames(at, indicator.names());
    checkProvenance(at, indicator.verified(), indicator.source());
  }

  private void checkScheme(CodingScheme scheme, Set<String> indicators, Set<String> treatments) {
    var at = "schemes[" + scheme.id() + "]";
    checkNames(at, scheme.names());
    if (scheme.maxClinicalDecisions() < 1 || scheme.maxClinicalDecisions() > 5) {
      problem(at, "maxClinicalDecisions must be 1–5, was " + scheme.maxClinicalDecisions());
    }
    for (var indicator : scheme.indicators()) {
      if (!indicators.contains(indicator)) {
        problem(at, "refers to unknown indicator '" + indicator + "'");
      }
    }
    var keys = new HashSet<String>();
    for (var code : scheme.codes()) {
      if (code.milestone() == null) {
        problem(at + ".codes", "a code without 'milestone'");
        continue;
      }
      var codeAt = at + ".codes[" + code.key() + "]";
      if (!keys.add(code.key())) {
        problem(codeAt, "appears twice");
      }
      if (code.suffix() != null && !SUFFIX.matcher(code.suffix()).matches()) {
        problem(codeAt, "suffix must be one or two capital letters, was '" + code.suffix() + "'");
      }
      if (code.reason() != null) {
        if (code.milestone() != Milestone.PATHWAY_END
            && code.milestone() != Milestone.TRANSFERRED) {
          problem(codeAt, "only closing codes (PATHWAY_END, TRANSFERRED) have a 'reason'");
        }
        if (!REASON.matcher(code.reason()).matches()) {
          problem(codeAt, "reason must be capital letters and '_', was '" + code.reason() + "'");
        }
      }
      if (code.milestone() == Milestone.TREATMENT_START) {
        if (code.treatment() == null || !treatments.contains(code.treatment())) {
          problem(
              codeAt, "a treatment-start code needs a known 'treatment', was " + code.treatment());
        }
      } else if (code.treatment() != null) {
        problem(codeAt, "only treatment-start codes have a 'treatment'");
      }
      if ((code.permitsTreatment() || code.permitsFurtherDecision())
          && code.milestone() != Milestone.CLINICAL_DECISION) {
        problem(codeAt, "only clinical decisions can permit a treatment or a further decision");
      }
      checkDates(codeAt, code.validFrom(), code.validTo());
      checkNames(codeAt, code.names());
      checkProvenance(codeAt, code.verified(), code.source());
    }
    for (var rule : scheme.startRules()) {
      var ruleAt = at + ".startRules[" + rule.basis() + "]";
      if (rule.basis() == null) {
        problem(at + ".startRules", "a start rule without 'basis'");
      }
      checkDates(ruleAt, rule.validFrom(), rule.validTo());
      checkProvenance(ruleAt, rule.verified(), rule.source());
    }
  }

  private void checkPathway(
      PathwayDefinition pathway,
      Set<String> schemes,
      Map<String, CodingScheme> schemeById,
      Set<String> treatments,
      Set<String> variants) {
    var at = "pathways[" + pathway.id() + "]";
    if (pathway.id() == null || !ID.matcher(pathway.id()).matches()) {
      problem(at, "id must start with a letter and hold only letters, digits, '.', '-', '_'");
    }
    if (pathway.codePrefix() == null) {
      problem(
          at, "needs 'codePrefix' (write {value: null, verified: false, note: ...} if unknown)");
    } else {
      var prefix = pathway.codePrefix().value();
      if (prefix != null && !PREFIX.matcher(prefix).matches()) {
        problem(
            at + ".codePrefix", "must be a capital letter and two digits, was '" + prefix + "'");
      }
      checkProvenance(
          at + ".codePrefix", pathway.codePrefix().verified(), pathway.codePrefix().source());
    }
    checkNames(at, pathway.names());
    if (pathway.kind() == null) {
      problem(at, "needs 'kind'");
    }
    if (pathway.scheme() == null || !schemes.contains(pathway.scheme())) {
      problem(at, "refers to unknown scheme '" + pathway.scheme() + "'");
      return;
    }
    if (pathway.validFrom() == null) {
      problem(at, "needs 'validFrom' (write {value: null, verified: false, note: ...} if unknown)");
    } else {
      checkProvenance(
          at + ".validFrom", pathway.validFrom().verified(), pathway.validFrom().source());
      checkDates(at, pathway.validFrom().value(), pathway.validTo().value());
    }
    checkProvenance(at + ".validTo", pathway.validTo().verified(), pathway.validTo().source());
    for (int i = 0; i < pathway.formerNames().size(); i++) {
      var former = pathway.formerNames().get(i);
      checkNames(at + ".formerNames[" + i + "]", former.names());
      checkProvenance(at + ".formerNames[" + i + "]", former.verified(), former.source());
    }
    var scheme = schemeById.get(pathway.scheme());
    for (var change : pathway.codeChanges()) {
      var changeAt = at + ".codeChanges[" + change.code() + "]";
      if (scheme.code(change.code()).isEmpty()) {
        problem(changeAt, "scheme " + scheme.id() + " has no code '" + change.code() + "'");
      }
      checkDates(changeAt, change.validFrom(), change.validTo());
      checkProvenance(changeAt, change.verified(), change.source());
    }
    for (int i = 0; i < pathway.icd10().size(); i++) {
      var group = pathway.icd10().get(i);
      var groupAt = at + ".icd10[" + i + "]";
      if (group.from() == null || !ICD10.matcher(Icd10Group.normalise(group.from())).matches()) {
        problem(groupAt, "'from' is not an ICD-10 code: " + group.from());
      } else if (group.to() != null) {
        if (!ICD10.matcher(Icd10Group.normalise(group.to())).matches()) {
          problem(groupAt, "'to' is not an ICD-10 code: " + group.to());
        } else if (Icd10Group.normalise(group.to()).compareTo(Icd10Group.normalise(group.from()))
            < 0) {
          problem(groupAt, "'to' (" + group.to() + ") comes before 'from' (" + group.from() + ")");
        }
      }
      checkProvenance(groupAt, group.verified(), group.source());
    }
    checkNorms(at, pathway, scheme, treatments, variants);
    for (int i = 0; i < pathway.remarks().size(); i++) {
      var remark = pathway.remarks().get(i);
      checkNames(at + ".remarks[" + i + "]", remark.text());
      checkProvenance(at + ".remarks[" + i + "]", remark.verified(), remark.source());
    }
  }

  private void checkNorms(
      String at,
      PathwayDefinition pathway,
      CodingScheme scheme,
      Set<String> treatments,
      Set<String> variants) {
    var norms = pathway.leadTimes();
    for (int i = 0; i < norms.size(); i++) {
      var norm = norms.get(i);
      var normAt = at + ".leadTimes[" + i + " " + norm.indicator() + "]";
      if (norm.indicator() == null) {
        problem(normAt, "needs 'indicator'");
        continue;
      }
      if (!scheme.indicators().contains(norm.indicator())) {
        problem(
            normAt,
            "indicator '" + norm.indicator() + "' is not measured in scheme " + scheme.id());
        continue;
      }
      var indicator =
          doc.indicators().stream().filter(d -> norm.indicator().equals(d.id())).findFirst();
      if (norm.treatment() != null) {
        if (!treatments.contains(norm.treatment())) {
          problem(normAt, "unknown treatment type '" + norm.treatment() + "'");
        }
        if (indicator.isPresent() && !indicator.get().perTreatment()) {
          problem(normAt, norm.indicator() + " is not measured per treatment type");
        }
      }
      if (norm.variant() != null && !variants.contains(norm.variant())) {
        problem(normAt, "unknown variant '" + norm.variant() + "'");
      }
      if (norm.days() != null && (norm.days() < 0 || norm.days() > MAX_NORM_DAYS)) {
        problem(normAt, "days must be between 0 and " + MAX_NORM_DAYS + ", was " + norm.days());
      }
      if (norm.verified() && (norm.days() == null || norm.dayType() == null)) {
        problem(normAt, "a verified norm needs both 'days' and 'dayType'");
      }
      checkDates(normAt, norm.validFrom(), norm.validTo());
      checkProvenance(normAt, norm.verified(), norm.source());
      for (int j = 0; j < i; j++) {
        var other = norms.get(j);
        if (norm.indicator().equals(other.indicator())
            && overlaps(other.treatment(), norm.treatment())
            && overlaps(other.variant(), norm.variant())
            && periodsOverlap(
                other.validFrom(), other.validTo(), norm.validFrom(), norm.validTo())) {
          problem(
              normAt,
              "overlaps leadTimes["
                  + j
                  + "]: same indicator, treatment and variant in force on the same days");
        }
      }
    }
  }

  private static boolean overlaps(@Nullable String a, @Nullable String b) {
    return a == null || b == null || a.equals(b);
  }

  static boolean periodsOverlap(
      @Nullable LocalDate from1,
      @Nullable LocalDate to1,
      @Nullable LocalDate from2,
      @Nullable LocalDate to2) {
    var startsBeforeOtherEnds = from1 == null || to2 == null || !from1.isAfter(to2);
    var otherStartsBeforeEnd = from2 == null || to1 == null || !from2.isAfter(to1);
    return startsBeforeOtherEnds && otherStartsBeforeEnd;
  }

  private void checkPrefixesAreUnique() {
    var pathways = doc.pathways();
    for (int i = 0; i < pathways.size(); i++) {
      var a = pathways.get(i);
      if (a.codePrefix() == null || a.codePrefix().value() == null || a.validFrom() == null) {
        continue;
      }
      for (int j = 0; j < i; j++) {
        var b = pathways.get(j);
        if (b.codePrefix() == null || b.validFrom() == null) {
          continue;
        }
        if (Objects.equals(a.codePrefix().value(), b.codePrefix().value())
            && periodsOverlap(
                a.validFrom().value(),
                a.validTo().value(),
                b.validFrom().value(),
                b.validTo().value())) {
          problem(
              "pathways[" + a.id() + "]",
              "code prefix "
                  + a.codePrefix().value()
                  + " is also used by "
                  + b.id()
                  + " in the same period");
        }
      }
    }
  }

  private <T> Set<String> ids(String at, List<T> items, Function<T, @Nullable String> id) {
    var seen = new HashSet<String>();
    for (var item : items) {
      var value = id.apply(item);
      if (value == null || value.isBlank()) {
        problem(at, "an entry without 'id'");
      } else if (!seen.add(value)) {
        problem(at + "[" + value + "]", "the id appears twice");
      }
    }
    return seen;
  }

  private void checkDates(String at, @Nullable LocalDate from, @Nullable LocalDate to) {
    if (from != null && to != null && to.isBefore(from)) {
      problem(at, "valid to " + to + " is before valid from " + from);
    }
  }

  private void checkNames(String at, @Nullable Localized names) {
    if (names == null || names.nb() == null || names.nb().isBlank()) {
      problem(at, "needs a Norwegian name ('nb')");
    }
  }

  private void checkProvenance(String at, boolean verified, @Nullable String source) {
    if (verified && (source == null || source.isBlank())) {
      problem(at, "is marked verified but names no source");
    }
  }

  private void problem(String at, String what) {
    problems.add(at + ": " + what);
  }
}
