package no.forlop.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import no.forlop.pathway.InvalidPathwayRequestException;
import no.forlop.pathway.Rejection;
import no.forlop.patient.InvalidPatientIdentifierException;
import no.forlop.reporting.InvalidIndicatorQueryException;
import org.junit.jupiter.api.Test;

/**
 * Every text the API's errors use is in the Norwegian and the English message files: the keys
 * written in the code ({@code "problem.…"}), the reason codes given to {@link ApiProblem} (key
 * {@code problem.<REASON>} or one of its variants) and the reasons of the exceptions that carry a
 * reason instead of a sentence. And every such text is a MessageFormat pattern that survives
 * formatting (no apostrophe, which MessageFormat would swallow).
 */
class ApiTextsTest {

  static final Path RESOURCES = TemplateTextTest.RESOURCES;
  static final Path SOURCES = RESOURCES.getParent().resolve("java");

  /** A reason code given to ApiProblem or NprDeliveryException as the first text argument. */
  private static final Pattern REASON =
      Pattern.compile(
          "(?:ApiProblem\\.(?:notFound|invalid|conflict|businessRule|forbidden)\\("
              + "|new ApiProblem\\(\\s*HttpStatus\\.\\w+,\\s*\"[a-z-]+\","
              + "|NprDeliveryException\\.invalid\\("
              + "|NprDeliveryException\\(\\s*(?:NprDeliveryException\\.)?Kind\\.\\w+,"
              + "|Kind\\.\\w+,)"
              + "\\s*\"([A-Z][A-Z0-9_]+)\"");

  /** A message key written out, or the literal start of one built at run time. */
  private static final Pattern KEY =
      Pattern.compile("\"((?:problem|rejection|error)\\.[\\w.-]*)\"");

  @Test
  void every_reason_and_key_the_api_uses_has_a_norwegian_and_an_english_text() throws IOException {
    var norwegian = keys(false);
    var english = keys(true);
    var missing = new TreeSet<String>();
    for (var used : usedInCode().entrySet()) {
      var key = used.getKey();
      var where = used.getValue();
      for (var bundle : List.of(norwegian, english)) {
        var language = bundle == norwegian ? "Norwegian" : "English";
        var found =
            key.endsWith(".")
                ? bundle.stream().anyMatch(k -> k.startsWith(key))
                : bundle.contains(key) || bundle.stream().anyMatch(k -> k.startsWith(key + "."));
        if (!found) {
          missing.add(where + ": " + key + " has no " + language + " text");
        }
      }
    }
    for (var problem : InvalidPathwayRequestException.Problem.values()) {
      requireBoth("problem." + problem.name(), norwegian, english, missing);
    }
    for (var problem : InvalidIndicatorQueryException.Problem.values()) {
      requireBoth("problem.INVALID_QUERY." + problem.name(), norwegian, english, missing);
    }
    for (var reason : Rejection.Reason.values()) {
      requireBoth("rejection." + reason.name(), norwegian, english, missing);
    }
    for (var reason : no.forlop.terminology.InvalidConceptMapException.Reason.values()) {
      requireBoth("problem." + reason.name(), norwegian, english, missing);
    }
    for (var problem : InvalidPatientIdentifierException.Problem.values()) {
      requireBoth("error.patient-identifier." + problem.name(), norwegian, english, missing);
    }
    assertThat(missing).isEmpty();
  }

  @Test
  void the_check_finds_the_reasons_and_keys_in_the_code() throws IOException {
    var used = usedInCode().keySet();
    assertThat(used)
        .contains(
            "problem.PATHWAY_NOT_FOUND",
            "problem.UNREADABLE_BODY",
            "problem.INVALID_PARAMETER.missing",
            "problem.CATALOGUE_VERSION_TAKEN",
            "problem.DELIVERY_NOT_FOUND",
            "problem.MISSING_FIELD",
            "problem.EMPTY_UPLOAD",
            "problem.NOT_SIGNED_IN",
            "problem.INVALID_QUERY.");
  }

  @Test
  void every_api_text_is_a_pattern_that_formatting_keeps_whole() throws IOException {
    var problems = new ArrayList<String>();
    for (var english : List.of(false, true)) {
      var locale = english ? Locale.ENGLISH : Locale.forLanguageTag("nb");
      for (var entry : texts(english).entrySet()) {
        var key = entry.getKey();
        if (!key.startsWith("problem.")) {
          continue;
        }
        var text = entry.getValue();
        if (text.contains("'")) {
          problems.add(key + " has an apostrophe, which MessageFormat swallows: " + text);
        }
        try {
          new MessageFormat(text, locale).format(new Object[] {"a", "b", "c", "d", "e", 1, "g"});
        } catch (IllegalArgumentException e) {
          problems.add(key + " is not a MessageFormat pattern: " + e.getMessage());
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  private static void requireBoth(
      String key, Set<String> norwegian, Set<String> english, Set<String> missing) {
    if (!norwegian.contains(key)) {
      missing.add(key + " has no Norwegian text");
    }
    if (!english.contains(key)) {
      missing.add(key + " has no English text");
    }
  }

  /** The keys the code uses, each with the first file that uses it. */
  static TreeMap<String, String> usedInCode() throws IOException {
    var used = new TreeMap<String, String>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (var file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        var source = Files.readString(file);
        var name = file.getFileName().toString();
        var reasons = REASON.matcher(source);
        while (reasons.find()) {
          // a problem given another key (.key("…")) is checked by that key
          var end = source.indexOf(';', reasons.end());
          var statement = source.substring(reasons.end(), end < 0 ? source.length() : end);
          if (!statement.contains(".key(")) {
            used.putIfAbsent("problem." + reasons.group(1), name);
          }
        }
        var keys = KEY.matcher(source);
        while (keys.find()) {
          used.putIfAbsent(keys.group(1), name);
        }
      }
    }
    // the prefixes that only start a key (the rest is an enum name, checked above)
    used.remove("problem.");
    used.remove("rejection.");
    used.remove("error.patient-identifier.");
    return used;
  }

  private static Set<String> keys(boolean english) throws IOException {
    return new TreeSet<>(texts(english).keySet());
  }

  private static TreeMap<String, String> texts(boolean english) throws IOException {
    var texts = new TreeMap<String, String>();
    try (Stream<Path> files = Files.list(RESOURCES)) {
      for (var bundle :
          files
              .filter(f -> f.getFileName().toString().matches("messages([-_.][^/]*)?\\.properties"))
              .filter(f -> f.getFileName().toString().endsWith("_en.properties") == english)
              .toList()) {
        var properties = new Properties();
        try (Reader reader = Files.newBufferedReader(bundle, StandardCharsets.UTF_8)) {
          properties.load(reader);
        }
        properties.stringPropertyNames().forEach(k -> texts.put(k, properties.getProperty(k)));
      }
    }
    return texts;
  }
}
