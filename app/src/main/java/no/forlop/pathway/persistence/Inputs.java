package no.forlop.pathway.persistence;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** Writes a derivation's inputs as sorted {@code key=value} lines, and reads them back. */
final class Inputs {

  private Inputs() {}

  static String write(Map<String, String> inputs) {
    var lines = new StringBuilder();
    new TreeMap<>(inputs)
        .forEach(
            (k, v) ->
                lines
                    .append(k.replace("\n", " "))
                    .append('=')
                    .append(v.replace("\n", " "))
                    .append('\n'));
    return lines.toString();
  }

  static Map<String, String> read(String text) {
    var inputs = new LinkedHashMap<String, String>();
    if (text == null) {
      return inputs;
    }
    for (var line : text.split("\n")) {
      var eq = line.indexOf('=');
      if (eq > 0) {
        inputs.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    return inputs;
  }
}
