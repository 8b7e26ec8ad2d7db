package no.forlop.referral;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import no.forlop.catalog.Localized;
import org.jspecify.annotations.Nullable;

/**
 * Understands what makes an entry-criteria document trustworthy, and says where it is not: every
 * item names its source and the date it was read, only the directorate's own pages count as
 * verified, an unverified item says why in a note, every pathway is one the catalogue knows, ids
 * are unique, and a part with nothing in it is marked unknown with a note.
 */
final class EntryCriteriaValidator {

  /** The directorate's own site: the only source an item may be verified on. */
  static final String DIRECTORATE_HOST = "helsedirektoratet.no";

  private static final Pattern VERSION = Pattern.compile("[0-9A-Za-z][0-9A-Za-z._-]{0,39}");
  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,79}");

  private final EntryCriteriaDocument doc;
  private final Set<String> cataloguePathways;
  private final List<String> problems = new ArrayList<>();
  private final Set<String> ids = new HashSet<>();

  EntryCriteriaValidator(EntryCriteriaDocument doc, Set<String> cataloguePathways) {
    this.doc = doc;
    this.cataloguePathways = Set.copyOf(cataloguePathways);
  }

  List<String> problems() {
    if (doc.version() == null || !VERSION.matcher(doc.version()).matches()) {
      problem("version", "must be 1–40 letters, digits, '.', '-' or '_', was " + doc.version());
    }
    if (doc.published() == null) {
      problem("published", "is missing (the date this version was published)");
    }
    if (doc.pathways().isEmpty()) {
      problem("pathways", "is empty");
    }
    var seen = new HashSet<String>();
    for (int i = 0; i < doc.pathways().size(); i++) {
      var pathway = doc.pathways().get(i);
      var at = "pathways[" + (pathway.pathway() == null ? i : pathway.pathway()) + "]";
      if (pathway.pathway() == null) {
        problem(at, "names no pathway");
        continue;
      }
      if (!seen.add(pathway.pathway())) {
        problem(at, "appears twice; give each pathway one entry");
      }
      if (!cataloguePathways.contains(pathway.pathway())) {
        problem(at, "is not a pathway of the catalogue (its pathway ids: " + sorted() + ")");
      }
      checkPathway(at, pathway);
    }
    return problems;
  }

  private void checkPathway(String at, PathwayCriteria pathway) {
    if (pathway.unknown() != null) {
      if (pathway.unknown().isBlank()) {
        problem(at + ".unknown", "must say what was searched");
      }
      var parts = EnumSet.noneOf(Section.class);
      for (var section : Section.values()) {
        if (!pathway.isEmpty(section)) parts.add(section);
      }
      if (!parts.isEmpty() || !pathway.unknownSections().isEmpty()) {
        problem(at, "is marked unknown but has " + (parts.isEmpty() ? "unknownSections" : parts));
      }
      return;
    }
    for (var section : Section.values()) {
      var note = pathway.unknownSections().get(section);
      if (pathway.isEmpty(section) && note == null) {
        problem(at, "has no " + section + "; list it under unknownSections with what was searched");
      } else if (!pathway.isEmpty(section) && note != null) {
        problem(at + ".unknownSections." + section, "is marked unknown but has items");
      } else if (note != null && note.isBlank()) {
        problem(at + ".unknownSections." + section, "must say what was searched");
      }
    }
    if (pathway.unknownSections().keySet().containsAll(EnumSet.allOf(Section.class))) {
      problem(at, "has nothing known; mark the whole pathway 'unknown' instead");
    }
    check(at + ".signs", pathway.signs());
    for (var step : pathway.filterSteps()) {
      var where = at + ".filterSteps[" + step.id() + "]";
      checkItem(
          where, step.id(), step.text(), step.verified(), step.source(), step.read(), step.note());
      if (step.doneBy() == null) {
        problem(where, "must say who does it (doneBy: GP or SPECIALIST)");
      }
    }
    check(at + ".criteria.requires", pathway.criteria().requires());
    check(at + ".criteria.anyOf", pathway.criteria().anyOf());
    check(at + ".referralContent", pathway.referralContent());
  }

  private void check(String at, List<Item> items) {
    for (var item : items) {
      checkItem(
          at + "[" + item.id() + "]",
          item.id(),
          item.text(),
          item.verified(),
          item.source(),
          item.read(),
          item.note());
    }
  }

  private void checkItem(
      String at,
      @Nullable String id,
      @Nullable Localized text,
      boolean verified,
      @Nullable String source,
      @Nullable LocalDate read,
      @Nullable String note) {
    if (id == null || !ID.matcher(id).matches()) {
      problem(at, "needs an id of lower-case letters, digits and '-', was " + id);
    } else if (!ids.add(id)) {
      problem(at, "has the id '" + id + "', which is already used; ids are unique in the file");
    }
    if (text == null || blank(text.nb()) || blank(text.en())) {
      problem(at, "needs its text in Norwegian bokmål (nb) and English (en)");
    }
    var host = source == null ? null : host(source);
    if (source == null || source.isBlank()) {
      problem(at, "names no source; every item needs the page it was read on");
    } else if (host == null) {
      problem(at, "has a source that is not an http(s) address: " + source);
    } else if (verified
        && !host.equals(DIRECTORATE_HOST)
        && !host.endsWith("." + DIRECTORATE_HOST)) {
      problem(
          at,
          "is verified, but its source is not Helsedirektoratet's own text ("
              + host
              + "); mark it verified: false with a note");
    }
    if (!verified && blank(note)) {
      problem(at, "is not verified; its note must say why (a secondary source, which one)");
    }
    if (read == null) {
      problem(at, "needs the date its source was read ('read')");
    } else if (doc.published() != null && read.isAfter(doc.published())) {
      problem(
          at, "was read on " + read + ", after the file was published (" + doc.published() + ")");
    }
  }

  private static @Nullable String host(String source) {
    try {
      var uri = new URI(source);
      var scheme = uri.getScheme();
      if (scheme == null
          || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
          || uri.getHost() == null) {
        return null;
      }
      return uri.getHost().toLowerCase(Locale.ROOT);
    } catch (URISyntaxException e) {
      return null;
    }
  }

  private static boolean blank(@Nullable String text) {
    return text == null || text.isBlank();
  }

  private String sorted() {
    return String.join(", ", new java.util.TreeSet<>(cataloguePathways));
  }

  private void problem(String at, String what) {
    problems.add(at + ": " + what);
  }
}
