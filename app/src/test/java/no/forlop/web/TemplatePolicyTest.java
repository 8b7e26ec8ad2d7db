package no.forlop.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every template, also a page no browser test visits, fits the pages' Content-Security-Policy (ADR
 * 0026): no inline style attribute, no inline event handler, no inline script. Data blocks ({@code
 * <script type="application/json">}) are not run and are allowed; the plan's inline {@code <style>}
 * is rendered only into the PDF, never served to a browser.
 */
class TemplatePolicyTest {

  private static final Path TEMPLATES = Path.of("src/main/resources/templates");
  private static final Pattern STYLE_ATTRIBUTE = Pattern.compile("\\s(th:)?style\\s*=");
  private static final Pattern EVENT_HANDLER = Pattern.compile("\\s(th:)?on[a-z]+\\s*=");
  private static final Pattern SCRIPT = Pattern.compile("<script\\b([^>]*)>");
  private static final Pattern STYLE_ELEMENT = Pattern.compile("<style\\b([^>]*)>");

  @Test
  void no_template_has_inline_style_or_script_the_policy_would_block() throws IOException {
    var found = new ArrayList<String>();
    try (Stream<Path> files = Files.walk(TEMPLATES)) {
      for (var file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
        var name = TEMPLATES.relativize(file).toString();
        var html = Files.readString(file).replaceAll("(?s)<!--.*?-->", "");
        if (STYLE_ATTRIBUTE.matcher(html).find()) {
          found.add(name + ": a style attribute");
        }
        if (EVENT_HANDLER.matcher(html).find()) {
          found.add(name + ": an inline event handler");
        }
        var scripts = SCRIPT.matcher(html);
        while (scripts.find()) {
          var attributes = scripts.group(1);
          if (!attributes.contains("src=") && !attributes.contains("application/json")) {
            found.add(name + ": an inline script");
          }
        }
        var styles = STYLE_ELEMENT.matcher(html);
        while (styles.find()) {
          if (!styles.group(1).contains("${pdf}")) {
            found.add(name + ": a style element outside the PDF");
          }
        }
      }
    }
    assertThat(found).isEmpty();
  }
}
