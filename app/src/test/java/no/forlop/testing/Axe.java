package no.forlop.testing;

import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.openqa.selenium.WebDriver;

/**
 * axe-core, Deque's accessibility engine, run in the browser on the page a test has open (ADR
 * 0037): the rules of WCAG 2.0/2.1 level A and AA, which Norwegian law requires of a public health
 * service's web pages (forskrift om universell utforming av IKT-løsninger). Deque's Selenium
 * integration injects its embedded {@code axe.min.js} through WebDriver, so the page's
 * Content-Security-Policy is not loosened for it.
 */
public final class Axe {

  /** The rule sets run: WCAG 2.0 and 2.1, levels A and AA, and axe's best practices. */
  static final List<String> TAGS =
      List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice");

  /** The impacts that fail a page. */
  static final Set<String> BLOCKING = Set.of("serious", "critical");

  /** One broken rule on one element. */
  public record Violation(String impact, String rule, String target, String help, String html) {

    public boolean blocking() {
      return BLOCKING.contains(impact);
    }

    @Override
    public String toString() {
      return impact + " " + rule + " at " + target + ": " + help + "\n      " + html;
    }
  }

  private Axe() {}

  /** Every violation axe finds on the page the browser has open, each element on its own. */
  public static List<Violation> violations(WebDriver browser) {
    // a page is checked in about a second; on a busy two-core machine it can take many times that
    var results = new AxeBuilder().withTags(TAGS).setTimeout(180).analyze(browser);
    if (results.isErrored()) {
      throw new AssertionError("axe could not run: " + results.getErrorMessage());
    }
    var found = new ArrayList<Violation>();
    for (Rule rule : results.getViolations()) {
      var impact = rule.getImpact() == null ? "unknown" : rule.getImpact();
      for (var node : rule.getNodes()) {
        found.add(
            new Violation(
                node.getImpact() == null ? impact : node.getImpact(),
                rule.getId(),
                String.valueOf(node.getTarget()),
                rule.getHelp(),
                shorten(node.getHtml())));
      }
    }
    return found;
  }

  /**
   * Runs axe on the open page and fails, listing each element, when it finds a serious or critical
   * violation. Returns the minor and moderate ones, which do not fail the page.
   *
   * @param page what the page is, for the message (e.g. "the worklist as kari")
   */
  public static List<Violation> check(WebDriver browser, String page) {
    var all = violations(browser);
    var blocking = all.stream().filter(Violation::blocking).toList();
    if (!blocking.isEmpty()) {
      throw new AssertionError(
          "axe: "
              + blocking.size()
              + " serious or critical accessibility violation(s) on "
              + page
              + " ("
              + browser.getCurrentUrl()
              + "):\n  "
              + blocking.stream().map(Violation::toString).collect(Collectors.joining("\n  ")));
    }
    return all;
  }

  private static String shorten(String html) {
    if (html == null) {
      return "";
    }
    var line = html.replaceAll("\\s+", " ");
    return line.length() > 200 ? line.substring(0, 200) + "…" : line;
  }
}
