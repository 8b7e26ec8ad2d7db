package no.forlop.catalog.codelist;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import no.forlop.catalog.CatalogueDocument;
import no.forlop.catalog.CodeDefinition;
import no.forlop.catalog.PathwayDefinition;
import org.jspecify.annotations.Nullable;

/**
 * Which catalogue pathway each prefix of an official code list belongs to. A prefix the catalogue
 * already has is the same pathway's (confirmed). An unknown prefix is given to the one pathway
 * whose name every code text of the prefix carries ("Pakkeforløp for brystkreft – start" → breast),
 * and only when that pathway has no prefix yet and no other prefix of the file claims it.
 * Everything else is reported and not guessed: texts that name no pathway or several, a pathway the
 * catalogue knows under another prefix, two prefixes naming one pathway, and codes whose suffix the
 * pathway's coding scheme does not know.
 */
public final class CodeListMatch {

  /** An unknown prefix given to a pathway. */
  public record Filled(String pathway, String prefix, List<String> codes, String text) {}

  /** A prefix the catalogue already has for the pathway. */
  public record Confirmed(String pathway, String prefix, List<String> codes) {}

  /** Something in the file that the import reports and does not act on. */
  public record Finding(
      Kind kind, String prefix, List<String> codes, List<String> pathways, String detail) {}

  public enum Kind {
    /** No pathway of the catalogue is named in the codes' texts. */
    NO_PATHWAY_NAMED,
    /** The texts name more than one pathway. */
    SEVERAL_PATHWAYS_NAMED,
    /** The named pathway has another prefix in the catalogue. */
    PREFIX_CONFLICT,
    /** Two prefixes of the file name the same pathway. */
    PATHWAY_NAMED_BY_SEVERAL_PREFIXES,
    /** The suffix is not a code of the pathway's coding scheme (the code is not loaded). */
    UNKNOWN_SUFFIX
  }

  private final List<Filled> filled = new ArrayList<>();
  private final List<Confirmed> confirmed = new ArrayList<>();
  private final List<Finding> findings = new ArrayList<>();

  private CodeListMatch() {}

  public List<Filled> filled() {
    return List.copyOf(filled);
  }

  public List<Confirmed> confirmed() {
    return List.copyOf(confirmed);
  }

  public List<Finding> findings() {
    return List.copyOf(findings);
  }

  public static CodeListMatch of(CodeList list, CatalogueDocument catalogue) {
    var match = new CodeListMatch();
    var byPrefix = new TreeMap<String, List<CodeList.Entry>>();
    list.entries()
        .forEach(e -> byPrefix.computeIfAbsent(e.prefix(), p -> new ArrayList<>()).add(e));
    var claims = new LinkedHashMap<String, List<Filled>>();
    for (var group : byPrefix.entrySet()) {
      var prefix = group.getKey();
      var entries = group.getValue();
      var codes = entries.stream().map(CodeList.Entry::code).toList();
      var known =
          catalogue.pathways().stream()
              .filter(p -> prefix.equals(p.codePrefix().value()))
              .findFirst();
      if (known.isPresent()) {
        match.confirmed.add(new Confirmed(known.get().id(), prefix, codes));
        match.suffixes(known.get(), entries, catalogue);
        continue;
      }
      var named = new LinkedHashSet<String>();
      var unnamed = new ArrayList<String>();
      for (var entry : entries) {
        var pathways = named(entry.text(), catalogue.pathways());
        if (pathways.isEmpty()) {
          unnamed.add(entry.code());
        }
        named.addAll(pathways);
      }
      if (named.isEmpty()) {
        match.findings.add(
            new Finding(
                Kind.NO_PATHWAY_NAMED,
                prefix,
                codes,
                List.of(),
                "no pathway of the catalogue is named in the texts of " + prefix));
        continue;
      }
      if (named.size() > 1 || !unnamed.isEmpty()) {
        match.findings.add(
            new Finding(
                Kind.SEVERAL_PATHWAYS_NAMED,
                prefix,
                codes,
                List.copyOf(named),
                named.size() > 1
                    ? "the texts of " + prefix + " name more than one pathway: " + named
                    : "the texts of " + unnamed + " name no pathway, the others " + named));
        continue;
      }
      var pathway = pathway(catalogue, named.iterator().next());
      var existing = pathway.codePrefix().value();
      if (existing != null) {
        match.findings.add(
            new Finding(
                Kind.PREFIX_CONFLICT,
                prefix,
                codes,
                List.of(pathway.id()),
                "the texts of "
                    + prefix
                    + " name "
                    + pathway.id()
                    + ", which the catalogue codes "
                    + existing));
        continue;
      }
      claims
          .computeIfAbsent(pathway.id(), p -> new ArrayList<>())
          .add(new Filled(pathway.id(), prefix, codes, entries.get(0).text()));
    }
    for (var claim : claims.entrySet()) {
      if (claim.getValue().size() > 1) {
        var prefixes = claim.getValue().stream().map(Filled::prefix).toList();
        for (var f : claim.getValue()) {
          match.findings.add(
              new Finding(
                  Kind.PATHWAY_NAMED_BY_SEVERAL_PREFIXES,
                  f.prefix(),
                  f.codes(),
                  List.of(claim.getKey()),
                  "the prefixes " + prefixes + " all name " + claim.getKey()));
        }
        continue;
      }
      var f = claim.getValue().get(0);
      match.filled.add(f);
      match.suffixes(pathway(catalogue, f.pathway()), byPrefix.get(f.prefix()), catalogue);
    }
    match.filled.sort(Comparator.comparing(Filled::prefix));
    return match;
  }

  private void suffixes(
      PathwayDefinition pathway, List<CodeList.Entry> entries, CatalogueDocument catalogue) {
    var scheme =
        catalogue.schemes().stream().filter(s -> s.id().equals(pathway.scheme())).findFirst();
    if (scheme.isEmpty()) {
      return;
    }
    var suffixes = new LinkedHashSet<String>();
    scheme.get().codes().stream()
        .map(CodeDefinition::suffix)
        .filter(s -> s != null)
        .forEach(suffixes::add);
    pathway.codeChanges().forEach(c -> suffixes.add(c.code()));
    for (var entry : entries) {
      if (!entry.suffix().isEmpty() && !suffixes.contains(entry.suffix())) {
        findings.add(
            new Finding(
                Kind.UNKNOWN_SUFFIX,
                entry.prefix(),
                List.of(entry.code()),
                List.of(pathway.id()),
                entry.code()
                    + " ('"
                    + entry.text()
                    + "'): "
                    + entry.suffix()
                    + " is not a code of the scheme "
                    + pathway.scheme()));
      }
    }
  }

  private static PathwayDefinition pathway(CatalogueDocument catalogue, String id) {
    return catalogue.pathways().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
  }

  /**
   * The pathways whose name the text carries, as whole words; where one pathway's matched name is
   * part of another's (a longer, more specific name), only the longer counts.
   */
  static Set<String> named(String text, List<PathwayDefinition> pathways) {
    var haystack = " " + normalise(text) + " ";
    Map<String, String> matched = new LinkedHashMap<>();
    for (var pathway : pathways) {
      String best = null;
      for (var key : keys(pathway)) {
        if (haystack.contains(" " + key + " ") && (best == null || key.length() > best.length())) {
          best = key;
        }
      }
      if (best != null) {
        matched.put(pathway.id(), best);
      }
    }
    var result = new LinkedHashSet<String>();
    for (var m : matched.entrySet()) {
      boolean subsumed =
          matched.entrySet().stream()
              .anyMatch(
                  o ->
                      !o.getKey().equals(m.getKey())
                          && o.getValue().length() > m.getValue().length()
                          && (" " + o.getValue() + " ").contains(" " + m.getValue() + " "));
      if (!subsumed) {
        result.add(m.getKey());
      }
    }
    return result;
  }

  private static final List<String> LEADS =
      List.of("pakkeforløp for ", "nasjonalt pasientforløp for ", "pasientforløp for ");

  /** The pathway's names (and former names) as matched: whole, without lead-in and brackets. */
  static List<String> keys(PathwayDefinition pathway) {
    var names = new ArrayList<String>();
    names.add(pathway.names().nb());
    pathway.formerNames().forEach(f -> names.add(f.names().nb()));
    var keys = new LinkedHashSet<String>();
    for (var name : names) {
      var whole = normalise(name);
      keys.add(whole);
      var bare = normalise(name.replaceAll("\\([^)]*\\)", " "));
      keys.add(bare);
      for (var lead : LEADS) {
        for (var k : List.of(whole, bare)) {
          if (k.startsWith(lead)) {
            keys.add(k.substring(lead.length()));
          }
        }
      }
    }
    return keys.stream().filter(k -> k.length() >= 5).toList();
  }

  static String normalise(@Nullable String text) {
    if (text == null) {
      return "";
    }
    var nfc = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    return nfc.replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
  }
}
