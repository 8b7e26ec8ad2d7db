package no.forlop.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.attoparser.ParseException;
import org.attoparser.config.ParseConfiguration;
import org.attoparser.dom.DOMMarkupParser;
import org.attoparser.dom.Element;
import org.attoparser.dom.INestableNode;
import org.attoparser.dom.Text;
import org.junit.jupiter.api.Test;
import org.unbescape.html.HtmlEscape;

/**
 * All visible text comes from the message files: no template has hard-coded text that no Thymeleaf
 * expression replaces, and every message key has its Norwegian and English text.
 *
 * <p>Literal text that a {@code th:text} (or {@code th:utext}, {@code th:replace} …) replaces is
 * the natural-template placeholder and fine; text that would reach the browser as written is not.
 * The same goes for the attributes people see or hear ({@code title}, {@code alt}, {@code
 * placeholder}, {@code aria-label}, a button's {@code value} …) and for quoted words inside the
 * expressions that produce text. Punctuation, numbers, spaces and the brand "Forløp" are allowed.
 *
 * <p>Templates are read with attoparser, the parser Thymeleaf itself uses: it keeps the markup as
 * written (a fragment of table rows stays rows), where an HTML5 tree builder would rearrange it.
 */
class TemplateTextTest {

  static final Path RESOURCES = resources();
  static final Path TEMPLATES = RESOURCES.resolve("templates");

  /** The brand, the same in every language. */
  static final Set<String> BRANDS = Set.of("Forløp");

  /** Attributes whose values are shown or read aloud. */
  static final Set<String> VISIBLE_ATTRIBUTES =
      Set.of(
          "title",
          "alt",
          "placeholder",
          "aria-label",
          "aria-description",
          "aria-placeholder",
          "aria-roledescription",
          "aria-valuetext",
          "label");

  /** Thymeleaf attributes that produce text from an expression. */
  static final Set<String> TEXT_PRODUCING =
      Set.of(
          "th:text",
          "th:utext",
          "th:title",
          "th:alt",
          "th:alt-title",
          "th:placeholder",
          "th:value",
          "th:attr",
          "th:aria-label",
          "th:label");

  private static final Pattern INLINE =
      Pattern.compile("\\[\\[.*?]]|\\[\\(.*?\\)]", Pattern.DOTALL);
  private static final Pattern SELF_FRAGMENT =
      Pattern.compile("~\\{\\s*(?:this\\s*)?::\\s*([^}(),\\s]+)");
  private static final Pattern QUOTED = Pattern.compile("'((?:[^'\\\\]|\\\\.)*)'");
  private static final Pattern MESSAGE_EXPRESSION = Pattern.compile("#\\{([^}]*)}");
  private static final Pattern MESSAGES_CALL =
      Pattern.compile("#messages\\.\\w+\\(\\s*'([^']+)'(\\s*\\+)?");

  /** A date or time pattern ('d. MMM yyyy'), not text. */
  private static final Pattern DATE_PATTERN = Pattern.compile("[dMyHhmsSEaGuLkKzZX.,:/ \\-]+");

  private static final Pattern DYNAMIC_PREFIX = Pattern.compile("^\\$\\{\\s*'([^']*)'\\s*\\+");

  // ------------------------------------------------------------------------------- templates

  @Test
  void no_template_has_visible_text_that_no_message_replaces() throws IOException {
    var problems = new ArrayList<String>();
    for (var template : templates()) {
      var name = TEMPLATES.relativize(template).toString();
      for (var problem : problems(Files.readString(template))) {
        problems.add(name + ": " + problem);
      }
    }
    assertThat(problems).as("hard-coded text in templates").isEmpty();
  }

  @Test
  void there_are_templates_to_check() throws IOException {
    assertThat(templates()).isNotEmpty();
  }

  @Test
  void the_check_flags_text_no_expression_replaces() {
    assertThat(problems("<p>Ingen pasienter</p>"))
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .contains("<p>")
        .contains("Ingen pasienter");
    assertThat(problems("<ul><li th:each=\"p : ${ps}\">Pasient <span th:text=\"${p}\">x</span>"))
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .contains("Pasient");
    assertThat(problems("<strong th:if=\"${ok}\">✓</strong>")).hasSize(1);
    assertThat(problems("<p>Hei [[${name}]]</p>")).hasSize(1);
  }

  @Test
  void the_check_flags_visible_attributes_no_expression_sets() {
    assertThat(problems("<a href=\"#\" title=\"Åpne\" th:text=\"#{open}\">x</a>"))
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .contains("title=\"Åpne\"");
    assertThat(problems("<input placeholder=\"Søk\">")).hasSize(1);
    assertThat(problems("<input type=\"submit\" value=\"Lagre\">")).hasSize(1);
    assertThat(problems("<input type=\"hidden\" name=\"x\" value=\"abc\">")).isEmpty();
    assertThat(problems("<nav aria-label=\"Meny\"></nav>")).hasSize(1);
  }

  @Test
  void the_check_flags_words_inside_text_expressions() {
    assertThat(problems("<tr><td th:text=\"${p.name} ?: 'Ikke satt'\">Navn</td></tr>"))
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .contains("'Ikke satt'");
    assertThat(
            problems("<tr><td th:text=\"${#locale.language == 'en' ? p.en : p.nb}\">x</td></tr>"))
        .isEmpty();
  }

  @Test
  void the_check_allows_placeholders_punctuation_numbers_and_the_brand() {
    assertThat(
            problems(
                """
                <h1 th:text="#{title}">Arbeidsliste</h1>
                <p><span th:text="#{a}">A</span>: <b th:text="${n}">12</b> (–) · 42 %</p>
                <strong>Forløp</strong>
                <title th:replace="${title}">Forløp – arbeidsliste</title>
                <nav aria-label="Hovedmeny" th:attr="aria-label=#{nav.main}"></nav>
                <a title="Åpne" th:title="#{open}" th:text="#{open}">Åpne</a>
                <div th:replace="~{fragments/table :: rows}">Eksempelrader</div>
                <p th:remove="all">Bare for designeren</p>
                <p th:text="#{x}">Tekst <em>med</em> markering</p>
                <script>const s = 'ikke tekst';</script>
                <!-- en kommentar -->
                """))
        .isEmpty();
  }

  @Test
  void the_check_looks_inside_a_page_that_replaces_itself_with_the_layout() {
    var page =
        """
        <html th:replace="~{fragments/layout :: page(~{::title}, ~{::section})}">
        <head><title th:text="#{t}">Tittel</title></head>
        <body><section><h1>Velkommen</h1></section><footer>Borte</footer></body>
        </html>
        """;
    assertThat(problems(page))
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .contains("Velkommen");
  }

  /** What is hard-coded in one template, one line per problem. */
  static List<String> problems(String html) {
    var problems = new ArrayList<String>();
    for (var element : elements(parse(html))) {
      if (RAW_TEXT.contains(name(element))) {
        continue;
      }
      for (var text : element.getChildrenOfType(Text.class)) {
        var content = HtmlEscape.unescapeHtml(text.getContent());
        if (hasWords(content) && !bodyReplaced(element)) {
          problems.add(describe(element) + " has the text \"" + content.strip() + "\"");
        }
      }
      for (var attribute : attributes(element).entrySet()) {
        var name = attribute.getKey();
        var value =
            HtmlEscape.unescapeHtml(attribute.getValue() == null ? "" : attribute.getValue());
        if (isVisible(element, name)
            && hasWords(value)
            && !attributeSet(element, name)
            && !elementReplaced(element)) {
          problems.add(describe(element) + " has " + name + "=\"" + value + "\"");
        }
        if (TEXT_PRODUCING.contains(name) || name.startsWith("data-th-")) {
          for (var literal : wordsInExpression(value)) {
            problems.add(describe(element) + " has " + name + " with the words '" + literal + "'");
          }
        }
      }
    }
    return problems;
  }

  /** Elements whose content is code, not text. */
  private static final Set<String> RAW_TEXT = Set.of("script", "style");

  private static INestableNode parse(String html) {
    try {
      return new DOMMarkupParser(ParseConfiguration.htmlConfiguration()).parse(html);
    } catch (ParseException e) {
      throw new IllegalArgumentException("not parseable as HTML: " + e.getMessage(), e);
    }
  }

  private static List<Element> elements(INestableNode node) {
    var all = new ArrayList<Element>();
    for (var child : node.getChildrenOfType(Element.class)) {
      all.add(child);
      all.addAll(elements(child));
    }
    return all;
  }

  private static String name(Element element) {
    return element.getElementName().toLowerCase(Locale.ROOT);
  }

  /** The element's attributes, names in lower case (HTML is not case-sensitive). */
  private static java.util.Map<String, String> attributes(Element element) {
    var attributes = new java.util.LinkedHashMap<String, String>();
    element
        .getAttributeMap()
        .forEach((k, v) -> attributes.put(k.toLowerCase(Locale.ROOT), v == null ? "" : v));
    return attributes;
  }

  private static boolean has(Element element, String attribute) {
    return attributes(element).containsKey(attribute);
  }

  private static String attr(Element element, String attribute) {
    return attributes(element).getOrDefault(attribute, "");
  }

  private static @org.jspecify.annotations.Nullable Element parentOf(Element element) {
    return element.getParent() instanceof Element parent ? parent : null;
  }

  private static String describe(Element element) {
    return "<" + name(element) + ">";
  }

  /** Whether the text holds words: letters or symbols, once inline expressions and brand go. */
  static boolean hasWords(String text) {
    // an inline expression ([[…]], [(…)]) is produced; the literal text around it is not
    var rest = INLINE.matcher(text).replaceAll(" ");
    for (var brand : BRANDS) {
      rest = rest.replace(brand, " ");
    }
    return rest.codePoints()
        .anyMatch(c -> Character.isLetter(c) || Character.getType(c) == Character.OTHER_SYMBOL);
  }

  private static boolean isVisible(Element element, String attribute) {
    if (VISIBLE_ATTRIBUTES.contains(attribute)) {
      return true;
    }
    if (!attribute.equals("value")) {
      return false;
    }
    var type = attr(element, "type").toLowerCase(Locale.ROOT);
    return name(element).equals("button")
        || (name(element).equals("input")
            && (type.equals("submit") || type.equals("button") || type.equals("reset")));
  }

  /** Whether a Thymeleaf attribute on the element sets this attribute from an expression. */
  private static boolean attributeSet(Element element, String attribute) {
    if (has(element, "th:" + attribute) || has(element, "data-th-" + attribute)) {
      return true;
    }
    if ((attribute.equals("alt") || attribute.equals("title")) && has(element, "th:alt-title")) {
      return true;
    }
    for (var setter : List.of("th:attr", "data-th-attr")) {
      if (has(element, setter)
          && Pattern.compile("(^|,)\\s*" + Pattern.quote(attribute) + "\\s*=")
              .matcher(attr(element, setter))
              .find()) {
        return true;
      }
    }
    return false;
  }

  /** Whether the body of this element (holding the text) is replaced: by it or an ancestor. */
  private static boolean bodyReplaced(Element holder) {
    var path = new ArrayList<Element>();
    for (Element element = holder; element != null; element = parentOf(element)) {
      path.add(element);
      if (replacesBody(element, path)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the element itself is replaced or removed (with its attributes). */
  private static boolean elementReplaced(Element element) {
    var path = new ArrayList<Element>();
    path.add(element);
    if (replacesElement(element, path)) {
      return true;
    }
    for (var ancestor = parentOf(element); ancestor != null; ancestor = parentOf(ancestor)) {
      path.add(ancestor);
      if (replacesBody(ancestor, path)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the element replaces what is inside it, seen from the given path (the element last). A
   * {@code th:replace} or {@code th:insert} that passes parts of this template as fragments ({@code
   * ~{::section}}) renders those parts, so text inside them is not replaced.
   */
  private static boolean replacesBody(Element element, List<Element> path) {
    for (var name : List.of("th:text", "th:utext", "data-th-text", "data-th-utext")) {
      if (has(element, name)) {
        return true;
      }
    }
    return replacesElement(element, path);
  }

  private static boolean replacesElement(Element element, List<Element> path) {
    var remove = attr(element, "th:remove").strip();
    if (remove.equals("all") || remove.equals("body")) {
      return true;
    }
    for (var name : List.of("th:replace", "th:insert", "data-th-replace", "data-th-insert")) {
      if (!has(element, name)) {
        continue;
      }
      var selectors = new ArrayList<String>();
      var matcher = SELF_FRAGMENT.matcher(attr(element, name));
      while (matcher.find()) {
        selectors.add(matcher.group(1));
      }
      var reused =
          path.stream().anyMatch(e -> selectors.stream().anyMatch(s -> matchesSelector(e, s)));
      return !reused;
    }
    return false;
  }

  private static boolean matchesSelector(Element element, String selector) {
    if (selector.startsWith("#")) {
      return attr(element, "id").equals(selector.substring(1));
    }
    if (selector.startsWith(".")) {
      return List.of(attr(element, "class").split("\\s+")).contains(selector.substring(1));
    }
    var fragment = attr(element, "th:fragment");
    var fragmentName =
        fragment.contains("(") ? fragment.substring(0, fragment.indexOf('(')) : fragment;
    return name(element).equals(selector) || fragmentName.strip().equals(selector);
  }

  /**
   * Quoted words inside a text-producing expression: a literal with a space or a non-ASCII letter
   * (a single ASCII token such as {@code 'en'} is a value to compare with, not text), outside
   * message keys.
   */
  static List<String> wordsInExpression(String expression) {
    var withoutKeys = MESSAGES_CALL.matcher(expression).replaceAll("");
    var words = new ArrayList<String>();
    var matcher = QUOTED.matcher(withoutKeys);
    while (matcher.find()) {
      var literal = matcher.group(1);
      var spaced = literal.strip().contains(" ");
      var nonAscii = literal.codePoints().anyMatch(c -> c > 127 && Character.isLetter(c));
      if (hasWords(literal) && (spaced || nonAscii) && !DATE_PATTERN.matcher(literal).matches()) {
        words.add(literal);
      }
    }
    return words;
  }

  // ------------------------------------------------------------------------------- messages

  @Test
  void every_message_key_used_in_a_template_is_in_the_norwegian_and_the_english_bundles()
      throws IOException {
    var norwegian = keys(false);
    var english = keys(true);
    var missing = new TreeSet<String>();
    for (var template : templates()) {
      var name = TEMPLATES.relativize(template).toString();
      var content = Files.readString(template);
      for (var used : messageKeys(content)) {
        if (used.endsWith("*")) {
          var prefix = used.substring(0, used.length() - 1);
          if (norwegian.stream().noneMatch(k -> k.startsWith(prefix))) {
            missing.add(name + ": no Norwegian key starts with " + prefix);
          }
          if (english.stream().noneMatch(k -> k.startsWith(prefix))) {
            missing.add(name + ": no English key starts with " + prefix);
          }
          continue;
        }
        if (!norwegian.contains(used)) {
          missing.add(name + ": " + used + " is missing in the Norwegian messages*.properties");
        }
        if (!english.contains(used)) {
          missing.add(name + ": " + used + " is missing in the English messages*_en.properties");
        }
      }
    }
    assertThat(missing).isEmpty();
  }

  @Test
  void every_norwegian_message_has_an_english_twin_and_the_other_way_round() throws IOException {
    var differences = new ArrayList<String>();
    for (var norwegian : bundles(false)) {
      var file = norwegian.getFileName().toString();
      var english = norwegian.resolveSibling(file.replace(".properties", "_en.properties"));
      if (!Files.exists(english)) {
        differences.add(file + " has no English twin " + english.getFileName());
        continue;
      }
      var nb = load(norwegian).stringPropertyNames();
      var en = load(english).stringPropertyNames();
      for (var key : new TreeSet<>(nb)) {
        if (!en.contains(key)) {
          differences.add(key + " is in " + file + " but not in " + english.getFileName());
        }
      }
      for (var key : new TreeSet<>(en)) {
        if (!nb.contains(key)) {
          differences.add(key + " is in " + english.getFileName() + " but not in " + file);
        }
      }
    }
    for (var english : bundles(true)) {
      var file = english.getFileName().toString();
      if (!Files.exists(english.resolveSibling(file.replace("_en.properties", ".properties")))) {
        differences.add(file + " has no Norwegian twin");
      }
    }
    assertThat(differences).isEmpty();
  }

  @Test
  void every_message_bundle_is_one_the_application_reads() throws IOException {
    var configured = Set.of(MessagesConfiguration.bundles());
    var names = new TreeSet<String>();
    for (var bundle : bundles(false)) {
      names.add(bundle.getFileName().toString().replace(".properties", ""));
    }
    assertThat(names).isNotEmpty();
    assertThat(configured).containsAll(names);
  }

  /** The keys a template uses; a key built at run time is given as its literal prefix and "*". */
  static Set<String> messageKeys(String template) {
    var keys = new TreeSet<String>();
    var expressions = MESSAGE_EXPRESSION.matcher(template);
    while (expressions.find()) {
      var inside = expressions.group(1).strip();
      if (inside.startsWith("${") || inside.startsWith("*{")) {
        var prefix = DYNAMIC_PREFIX.matcher(inside);
        if (prefix.find()) {
          keys.add(prefix.group(1) + "*");
        }
        continue;
      }
      var key = inside.contains("(") ? inside.substring(0, inside.indexOf('(')) : inside;
      keys.add(key.strip());
    }
    var calls = MESSAGES_CALL.matcher(template);
    while (calls.find()) {
      // a key built at run time ('dayType.' + ...) is checked as a prefix
      keys.add(calls.group(2) == null ? calls.group(1) : calls.group(1) + "*");
    }
    return keys;
  }

  // ------------------------------------------------------------------------------- files

  private static Path resources() {
    for (var candidate : List.of("src/main/resources", "app/src/main/resources")) {
      var path = Path.of(candidate);
      if (Files.isDirectory(path.resolve("templates"))) {
        return path;
      }
    }
    throw new IllegalStateException(
        "cannot find the templates from " + Path.of("").toAbsolutePath());
  }

  private static List<Path> templates() throws IOException {
    try (Stream<Path> files = Files.walk(TEMPLATES)) {
      return files.filter(f -> f.toString().endsWith(".html")).sorted().toList();
    }
  }

  private static List<Path> bundles(boolean english) throws IOException {
    try (Stream<Path> files = Files.list(RESOURCES)) {
      return files
          .filter(f -> f.getFileName().toString().matches("messages([-_.][^/]*)?\\.properties"))
          .filter(f -> f.getFileName().toString().endsWith("_en.properties") == english)
          .sorted()
          .toList();
    }
  }

  private static Set<String> keys(boolean english) throws IOException {
    var keys = new TreeSet<String>();
    for (var bundle : bundles(english)) {
      keys.addAll(load(bundle).stringPropertyNames());
    }
    return keys;
  }

  private static Properties load(Path bundle) throws IOException {
    var properties = new Properties();
    try (Reader reader = Files.newBufferedReader(bundle, StandardCharsets.UTF_8)) {
      properties.load(reader);
    }
    return properties;
  }
}
