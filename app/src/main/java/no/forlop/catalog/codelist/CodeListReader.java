package no.forlop.catalog.codelist;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.StrictErrorHandler;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import no.forlop.catalog.codelist.CodeList.Entry;
import no.forlop.catalog.codelist.CodeList.Format;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeSystem.ConceptDefinitionComponent;

/**
 * Reads an official code list in either form the directorate publishes it, strictly: a FHIR R4
 * {@code CodeSystem} in JSON (parsed by HAPI, unknown elements refused; nested concepts are read
 * too), or a plain export of one code a line, {@code code;text}, semicolon separated, UTF-8 (a byte
 * order mark is skipped), fields optionally in double quotes, further columns ignored, and an
 * optional header line (a first line whose first field is not a code, such as {@code Kode;Tekst}).
 * Every code must be a pathway code: a capital letter and two digits, then up to three capital
 * letters ({@code A12}, {@code A12CK}, {@code D11}); a file with any line that is not is refused
 * whole, every such line named, so that nothing in it is silently left out.
 */
public final class CodeListReader {

  static final Pattern CODE = Pattern.compile("[A-Z]\\d{2}[A-Z]{0,3}");
  private static final FhirContext FHIR = FhirContext.forR4Cached();

  private CodeListReader() {}

  /**
   * @throws InvalidCodeListException naming every problem
   */
  public static CodeList read(byte[] content, String name) {
    var text = utf8(content);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    if (text.isBlank()) {
      throw new InvalidCodeListException(List.of("the file is empty"));
    }
    return text.stripLeading().startsWith("{") ? codeSystem(text, name) : codeText(text, name);
  }

  private static String utf8(byte[] content) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(content))
          .toString();
    } catch (CharacterCodingException e) {
      throw new InvalidCodeListException(
          List.of("the file is not UTF-8 (save the export as UTF-8 and send it again)"));
    }
  }

  private static CodeList codeSystem(String json, String name) {
    CodeSystem system;
    try {
      system =
          FHIR.newJsonParser()
              .setParserErrorHandler(new StrictErrorHandler())
              .parseResource(CodeSystem.class, json);
    } catch (DataFormatException | ClassCastException | IllegalArgumentException e) {
      throw new InvalidCodeListException(
          List.of("not a FHIR R4 CodeSystem in JSON: " + e.getMessage()));
    }
    var problems = new ArrayList<String>();
    var entries = new ArrayList<Entry>();
    concepts(system.getConcept(), "CodeSystem.concept", entries, problems);
    check(entries, problems);
    var identifier =
        system.getIdentifier().stream()
            .map(i -> i.getValue())
            .filter(v -> v != null && !v.isBlank())
            .findFirst()
            .orElse(null);
    var url = system.hasUrl() ? system.getUrl() : identifier;
    var title = system.hasTitle() ? system.getTitle() : system.hasName() ? system.getName() : null;
    return new CodeList(
        name,
        Format.FHIR_CODE_SYSTEM,
        url,
        system.hasVersion() ? system.getVersion() : null,
        title,
        entries);
  }

  private static void concepts(
      List<ConceptDefinitionComponent> concepts,
      String at,
      List<Entry> entries,
      List<String> problems) {
    for (int i = 0; i < concepts.size(); i++) {
      var concept = concepts.get(i);
      var where = at + "[" + i + "]";
      var code = concept.hasCode() ? concept.getCode().strip() : "";
      var display = concept.hasDisplay() ? concept.getDisplay() : concept.getDefinition();
      if (code.isEmpty()) {
        problems.add(where + ": no code");
      } else {
        entries.add(new Entry(code, display == null ? "" : display.strip(), where));
      }
      concepts(concept.getConcept(), where + ".concept", entries, problems);
    }
  }

  private static CodeList codeText(String text, String name) {
    var problems = new ArrayList<String>();
    var entries = new ArrayList<Entry>();
    var lines = text.split("\\R", -1);
    boolean first = true;
    for (int n = 0; n < lines.length; n++) {
      var line = lines[n];
      if (line.isBlank()) {
        continue;
      }
      var where = "line " + (n + 1);
      var fields = fields(line);
      var code = fields.get(0).strip();
      if (first && !CODE.matcher(code).matches() && !looksLikeACode(code)) {
        first = false; // a header such as Kode;Tekst
        continue;
      }
      first = false;
      if (fields.size() < 2) {
        problems.add(where + ": no ';' between code and text");
        continue;
      }
      entries.add(new Entry(code, fields.get(1).strip(), where));
    }
    check(entries, problems);
    return new CodeList(name, Format.CODE_TEXT, null, null, null, entries);
  }

  /** A first field that is meant as a code but malformed ({@code a12}, {@code A1}) is no header. */
  private static boolean looksLikeACode(String field) {
    return field.matches("(?i)[a-z]\\d.*");
  }

  /** The fields of one line: {@code ;} separated, a field in double quotes may hold {@code ;}. */
  static List<String> fields(String line) {
    var fields = new ArrayList<String>();
    var field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"' && field.toString().isBlank()) {
        quoted = true;
        field.setLength(0);
      } else if (c == ';') {
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    fields.add(field.toString());
    return fields;
  }

  private static void check(List<Entry> entries, List<String> problems) {
    Map<String, String> seen = new HashMap<>();
    for (var entry : entries) {
      if (!CODE.matcher(entry.code()).matches()) {
        problems.add(
            entry.where()
                + ": '"
                + entry.code()
                + "' is not a pathway code (a capital letter, two digits and up to three capital"
                + " letters, e.g. A12CK)");
        continue;
      }
      if (entry.text().isBlank()) {
        problems.add(entry.where() + ": " + entry.code() + " has no text");
      }
      var earlier = seen.putIfAbsent(entry.code(), entry.where());
      if (earlier != null) {
        problems.add(entry.where() + ": " + entry.code() + " again (first at " + earlier + ")");
      }
    }
    if (entries.isEmpty() && problems.isEmpty()) {
      problems.add("the file holds no codes");
    }
    if (!problems.isEmpty()) {
      throw new InvalidCodeListException(problems);
    }
  }
}
