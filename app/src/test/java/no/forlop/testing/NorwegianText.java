package no.forlop.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * What must not be on a page in Norwegian (issue 16, item 3), for the page walk ({@code
 * NorwegianPagesIT}) and the browser's walk ({@code AccessibilityBrowserIT}) alike: English machine
 * text (a phrase of an English message that no Norwegian message has, or one the issue found), a
 * message key left untranslated, a date written as ISO where the pages write 31.12.2024, and an
 * internal id in brackets. Text marked as another language ({@code lang="en"}) is left out.
 */
public final class NorwegianText {

  private final EnglishPhrases english;
  private final Set<String> keys;

  private NorwegianText(EnglishPhrases english, Set<String> keys) {
    this.english = english;
    this.keys = keys;
  }

  /** The checks, with the phrases and keys of the message files on the class path. */
  public static NorwegianText load() throws IOException {
    return new NorwegianText(EnglishPhrases.load(), messageKeys());
  }

  /** What is wrong with a whole page's HTML, text by text. */
  public List<String> problemsOfPage(String html) {
    var found = new ArrayList<String>();
    for (var text : Html.texts(html)) {
      found.addAll(problems(text, english, keys));
    }
    return found;
  }

  /** The phrases issue 16 found on Norwegian pages, whatever the message files say. */
  public static final List<String> FOUND_IN_THE_ISSUE =
      List.of(
          "Differs from the code a person registered",
          "a clinical decision needs a first attendance before it",
          "cannot be registered before the pathway has started",
          "The pathway was inferred from the referral",
          "cancer of this pathway",
          "in the delivery",
          "kommune kommune");

  private static final Pattern UNRESOLVED = Pattern.compile("\\?\\?[^?\\s]+\\?\\?");
  private static final Pattern KEY_LIKE =
      Pattern.compile("[A-Za-z][A-Za-z0-9_]*(?:\\.[A-Za-z0-9_]+)+");
  private static final Pattern ISO_DATE =
      Pattern.compile("(?<![\\w.:/-])\\d{4}-\\d{2}-\\d{2}(?![\\w:])");
  private static final Pattern INTERNAL_ID = Pattern.compile("\\((?:[A-Z][A-Z0-9]*_)+[A-Z0-9]+\\)");

  /** What is wrong with one text of a Norwegian page. */
  public static List<String> problems(String text, EnglishPhrases english, Set<String> keys) {
    var found = new ArrayList<String>();
    english.in(text).forEach(p -> found.add("English «" + p + "» in «" + text + "»"));
    if (UNRESOLVED.matcher(text).find()) {
      found.add("untranslated «" + text + "»");
    }
    var tokens = KEY_LIKE.matcher(text);
    while (tokens.find()) {
      if (keys.contains(tokens.group())) {
        found.add("message key «" + tokens.group() + "» in «" + text + "»");
      }
    }
    if (ISO_DATE.matcher(text).find()) {
      found.add("ISO date in «" + text + "»");
    }
    if (INTERNAL_ID.matcher(text).find()) {
      found.add("internal id in «" + text + "»");
    }
    return found;
  }

  /** Every message key of every message file. */
  public static Set<String> messageKeys() throws IOException {
    var keys = new HashSet<String>();
    for (var file :
        new PathMatchingResourcePatternResolver().getResources("classpath*:messages*.properties")) {
      var properties = new Properties();
      try (var in = file.getInputStream()) {
        properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
      }
      keys.addAll(properties.stringPropertyNames());
    }
    return keys;
  }

  /**
   * The English machine phrases a Norwegian page must not show: the literal parts of the English
   * messages of four words or more with an English function word, that no Norwegian message has,
   * and the phrases the issue found. Found by their first three words.
   */
  public static final class EnglishPhrases {

    private static final Set<String> FUNCTION_WORDS =
        Set.of(
            "the", "is", "are", "was", "cannot", "needs", "before", "after", "with", "which", "has",
            "have", "this", "that", "of", "not", "from", "been", "no", "there", "an");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’][\\p{L}]+)?");

    private final Map<String, List<String>> byStart = new HashMap<>();

    public static EnglishPhrases load() throws IOException {
      var english = new ArrayList<String>();
      var norwegian = new StringBuilder();
      for (var file :
          new PathMatchingResourcePatternResolver()
              .getResources("classpath*:messages*.properties")) {
        var properties = new Properties();
        try (var in = file.getInputStream()) {
          properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        var name = file.getFilename();
        if (name != null && name.endsWith("_en.properties")) {
          properties.values().forEach(v -> english.add(v.toString()));
        } else {
          properties.values().forEach(v -> norwegian.append(v).append('\n'));
        }
      }
      var phrases = new EnglishPhrases();
      var inNorwegian = " " + String.join(" ", words(norwegian.toString())) + " ";
      for (var message : english) {
        if (message.contains("choice,")) {
          continue;
        }
        for (var part : message.split("\\{[^{}]*\\}")) {
          var words = words(part);
          if (words.size() >= 4
              && words.stream().anyMatch(FUNCTION_WORDS::contains)
              && !inNorwegian.contains(" " + String.join(" ", words) + " ")) {
            phrases.add(String.join(" ", words));
          }
        }
      }
      FOUND_IN_THE_ISSUE.forEach(p -> phrases.add(String.join(" ", words(p))));
      return phrases;
    }

    private void add(String phrase) {
      var words = phrase.split(" ");
      var start = words.length >= 2 ? words[0] + " " + words[1] : words[0];
      byStart.computeIfAbsent(start, k -> new ArrayList<>()).add(phrase);
    }

    /** The phrases in this text. */
    public List<String> in(String text) {
      var words = words(text);
      var joined = " " + String.join(" ", words) + " ";
      var found = new LinkedHashSet<String>();
      for (int i = 0; i + 1 < words.size(); i++) {
        for (var phrase : byStart.getOrDefault(words.get(i) + " " + words.get(i + 1), List.of())) {
          if (joined.contains(" " + phrase + " ")) {
            found.add(phrase);
          }
        }
      }
      return List.copyOf(found);
    }

    private static List<String> words(String text) {
      var words = new ArrayList<String>();
      var matcher = WORD.matcher(text.toLowerCase(Locale.ROOT));
      while (matcher.find()) {
        words.add(matcher.group());
      }
      return words;
    }
  }

  /**
   * What a page shows in words: its text (not scripts or styles) and the titles, labels,
   * placeholders and alternative texts of its elements, leaving out what is marked as another
   * language than Norwegian.
   */
  public static final class Html {

    private static final Pattern TAG =
        Pattern.compile(
            "<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>|<!--.*?-->",
            Pattern.DOTALL);
    private static final Pattern ATTRIBUTE =
        Pattern.compile("\\s(title|aria-label|placeholder|alt|lang)\\s*=\\s*\"([^\"]*)\"");
    private static final Set<String> VOID =
        Set.of(
            "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
            "track", "wbr");

    public static List<String> texts(String html) {
      var texts = new ArrayList<String>();
      var open = new ArrayDeque<String[]>(); // element name, and whether it is in another language
      var matcher = TAG.matcher(html);
      int at = 0;
      while (matcher.find()) {
        if (!skipping(open)) {
          add(texts, html.substring(at, matcher.start()));
        }
        at = matcher.end();
        if (matcher.group(2) == null) {
          continue; // a comment
        }
        var name = matcher.group(2).toLowerCase(Locale.ROOT);
        if (!matcher.group(1).isEmpty()) {
          while (!open.isEmpty()) {
            if (open.pop()[0].equals(name)) {
              break;
            }
          }
          continue;
        }
        var attributes = ATTRIBUTE.matcher(matcher.group(3));
        var foreign = false;
        var own = new ArrayList<String>();
        while (attributes.find()) {
          if (attributes.group(1).equals("lang")) {
            foreign =
                !attributes.group(2).startsWith("nb") && !attributes.group(2).startsWith("no");
          } else {
            own.add(attributes.group(2));
          }
        }
        var inForeign = foreign || skipping(open);
        if (!inForeign) {
          own.forEach(t -> add(texts, t));
        }
        var selfClosing = matcher.group(3).endsWith("/");
        if (!VOID.contains(name) && !selfClosing) {
          var hidden = name.equals("script") || name.equals("style");
          open.push(new String[] {name, Boolean.toString(inForeign || hidden)});
          if (hidden) {
            // a script's or style's content holds no tags to track: skip to its end
            var end = html.toLowerCase(Locale.ROOT).indexOf("</" + name, at);
            at = end < 0 ? html.length() : end;
            matcher.region(at, html.length());
          }
        }
      }
      add(texts, html.substring(at));
      return texts;
    }

    private static boolean skipping(ArrayDeque<String[]> open) {
      return !open.isEmpty() && Boolean.parseBoolean(open.peek()[1]);
    }

    private static void add(List<String> texts, String raw) {
      var text =
          raw.replace("&nbsp;", " ")
              .replace("&lt;", "<")
              .replace("&gt;", ">")
              .replace("&quot;", "\"")
              .replace("&#39;", "'")
              .replace("&amp;", "&")
              .replaceAll("\\s+", " ")
              .strip();
      if (!text.isEmpty()) {
        texts.add(text);
      }
    }
  }
}
