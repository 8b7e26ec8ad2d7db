package no.forlop.coding;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import no.forlop.catalog.Localized;
import no.forlop.catalog.Milestone;
import no.forlop.coding.domain.DerivationRule;
import no.forlop.coding.domain.DerivationRules;
import no.forlop.pathway.CodeState;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads the reviewed derivation rules ({@code coding/derivation-rules.yaml}) and refuses a file
 * with unknown fields, unknown or missing rules, or missing parameters.
 */
public final class RuleSetLoader {

  public static final String BUNDLED = "coding/derivation-rules.yaml";

  private static final YAMLMapper YAML =
      YAMLMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(tools.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .build();

  private RuleSetLoader() {}

  record Document(String version, List<RuleDocument> rules) {}

  record RuleDocument(
      String id,
      String milestone,
      CodeState state,
      Localized question,
      String source,
      @Nullable Map<String, List<String>> parameters) {}

  /** The rule set shipped with this release. */
  public static DerivationRules bundled() {
    try (var in = new ClassPathResource(BUNDLED).getInputStream()) {
      return parse(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("The derivation rules " + BUNDLED + " cannot be read", e);
    }
  }

  public static DerivationRules parse(byte[] content) {
    Document document;
    try {
      document = YAML.readValue(content, Document.class);
    } catch (UnrecognizedPropertyException e) {
      throw new DerivationRules.InvalidRuleSetException(
          List.of(
              "unknown field '"
                  + e.getPropertyName()
                  + "' (known: "
                  + e.getKnownPropertyIds()
                  + ")"));
    } catch (JacksonException e) {
      throw new DerivationRules.InvalidRuleSetException(
          List.of("cannot read the rules: " + e.getOriginalMessage()));
    }
    if (document == null || document.rules() == null) {
      throw new DerivationRules.InvalidRuleSetException(List.of("the rule set has no rules"));
    }
    var problems = new ArrayList<String>();
    var milestones =
        new ArrayList<String>(Arrays.stream(Milestone.values()).map(Enum::name).toList());
    milestones.addAll(no.forlop.pathway.TrackedMilestone.TYPES);
    var rules = new ArrayList<DerivationRule>();
    for (var rule : document.rules()) {
      if (rule.milestone() == null || !milestones.contains(rule.milestone())) {
        problems.add("rules[" + rule.id() + "]: unknown milestone '" + rule.milestone() + "'");
      }
      rules.add(
          new DerivationRule(
              rule.id(),
              rule.milestone(),
              rule.state(),
              rule.question(),
              rule.source(),
              rule.parameters() == null ? Map.of() : rule.parameters()));
    }
    if (!problems.isEmpty()) {
      throw new DerivationRules.InvalidRuleSetException(problems);
    }
    return DerivationRules.of(document.version(), sha256(content), rules);
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
