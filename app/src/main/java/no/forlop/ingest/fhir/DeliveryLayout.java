package no.forlop.ingest.fhir;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import no.forlop.ingest.fhir.Delivery.Ignored;
import no.forlop.ingest.fhir.Delivery.Item;
import no.forlop.ingest.fhir.Delivery.Rejected;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Understands how a delivery is laid out, one JSON document (a Bundle, or a single resource) or
 * NDJSON (one resource a line), and splits it into resources, each to be parsed on its own. Only a
 * delivery that is no JSON at all, or a document that is neither a Bundle nor a resource, is
 * unreadable as a whole.
 */
final class DeliveryLayout {

  /** Jackson 3 reads the layout; HAPI (Jackson 2) reads each resource. */
  static final JsonMapper JSON =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          // FHIR JSON: "a property may not appear more than once" (R4 json.html)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .build();

  private static final String BUNDLE = "Bundle";

  private final List<Part> parts = new ArrayList<>();
  private final Map<String, String> aliases = new HashMap<>();

  private DeliveryLayout() {}

  /** What a delivery holds, in order. */
  sealed interface Part {}

  /**
   * A resource, not yet parsed.
   *
   * @param json the resource as delivered (an NDJSON line), or as re-written from the bundle
   * @param fullUrl the bundle entry's fullUrl, if any
   * @param position where it stood ({@code entry 3}, {@code line 4}), for resources without an id
   */
  record Found(JsonNode resource, String json, @Nullable String fullUrl, String position)
      implements Part {}

  /** Something that is no resource to parse: an unreadable line, an entry without a resource. */
  record Settled(Item item) implements Part {}

  /**
   * @param aliases the keys of resources that a bundle knows by a {@code urn:} fullUrl as well as
   *     by their id
   */
  record Layout(List<Part> parts, Map<String, String> aliases) {}

  /**
   * The parts of the delivery.
   *
   * @throws UnreadableDeliveryException when it is no JSON or NDJSON, or a JSON document that is
   *     neither a Bundle nor a resource
   */
  static Layout of(byte[] bytes) {
    var text = decode(bytes);
    if (text.isBlank()) {
      throw new UnreadableDeliveryException("the delivery is empty");
    }
    var layout = new DeliveryLayout();
    JsonNode document;
    try {
      document = JSON.readTree(text);
    } catch (JacksonException notOneDocument) {
      var lines = text.split("\r?\n", -1);
      if (!looksLikeNdjson(lines)) {
        throw new UnreadableDeliveryException(
            "the delivery is neither JSON nor NDJSON (" + describe(notOneDocument, true) + ")");
      }
      layout.lines(lines);
      return layout.done();
    }
    layout.document(document);
    return layout.done();
  }

  /**
   * The parts of a stretch of an NDJSON file (a chunk of a bulk import): every line on its own,
   * even when the stretch has a single line or none that can be read, and each line named by its
   * number in the whole file. A line that is not UTF-8 is rejected, not the stretch.
   *
   * @param firstLine the number, in the whole file, of the stretch's first line (1 for the first)
   */
  static Layout ofLines(byte[] bytes, long firstLine) {
    var layout = new DeliveryLayout();
    var number = firstLine;
    var start = 0;
    for (int i = 0; i <= bytes.length; i++) {
      if (i < bytes.length && bytes[i] != '\n') {
        continue;
      }
      if (i == bytes.length && start == i) {
        break;
      }
      var end = i > start && bytes[i - 1] == '\r' ? i - 1 : i;
      var position = "line " + number;
      try {
        var line = decode(Arrays.copyOfRange(bytes, start, end));
        layout.line(line, position);
      } catch (UnreadableDeliveryException e) {
        layout.parts.add(
            new Settled(
                new Rejected(
                    position,
                    position,
                    IntakeReason.of("NOT_UTF8", Positions.phrase(position)),
                    new String(bytes, start, end - start, StandardCharsets.UTF_8))));
      }
      number++;
      start = i + 1;
    }
    return layout.done();
  }

  private Layout done() {
    return new Layout(List.copyOf(parts), Map.copyOf(aliases));
  }

  private void document(JsonNode document) {
    if (!document.isObject()) {
      throw new UnreadableDeliveryException(
          "the delivery is " + jsonKind(document).english() + ", not a FHIR Bundle or resource");
    }
    var type = stringAt(document, "resourceType");
    if (type == null) {
      throw new UnreadableDeliveryException(
          "the delivery is a JSON object without resourceType, not a FHIR Bundle or resource");
    }
    if (BUNDLE.equals(type)) {
      bundle(document, "");
    } else {
      parts.add(new Found(document, document.toString(), null, "the delivery"));
    }
  }

  private void lines(String[] lines) {
    for (int i = 0; i < lines.length; i++) {
      line(lines[i], "line " + (i + 1));
    }
  }

  private void line(String raw, String position) {
    var line = raw.strip();
    if (line.isEmpty()) {
      return;
    }
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (JacksonException e) {
      var source = guessSource(line, position);
      var code = isDuplicateProperty(e) ? "DUPLICATE_PROPERTY" : "NOT_JSON";
      var where = Positions.phrase(position);
      parts.add(
          new Settled(
              new Rejected(
                  source,
                  position,
                  source.equals(position)
                      ? IntakeReason.of(code, where, describe(e, false))
                      : IntakeReason.variant(code, "named", where, describe(e, false), source),
                  raw)));
      return;
    }
    if (!node.isObject()) {
      parts.add(
          new Settled(
              new Rejected(
                  position,
                  position,
                  IntakeReason.of("NOT_A_RESOURCE", Positions.phrase(position), jsonKind(node)),
                  raw)));
    } else if (BUNDLE.equals(stringAt(node, "resourceType"))) {
      bundle(node, position + ", ");
    } else {
      parts.add(new Found(node, line, null, position));
    }
  }

  private void bundle(JsonNode bundle, String prefix) {
    var entries = bundle.path("entry");
    if (entries.isMissingNode() || entries.isNull()) {
      return;
    }
    if (!entries.isArray()) {
      var id = stringAt(bundle, "id");
      var position = prefix + "the bundle";
      var source = ResourceChecks.isId(id) ? "Bundle/" + id : capitalised(position);
      parts.add(
          new Settled(
              new Rejected(
                  source,
                  position,
                  IntakeReason.of("ENTRY_NOT_A_LIST", source),
                  bundle.toString())));
      return;
    }
    for (int i = 0; i < entries.size(); i++) {
      var entry = entries.get(i);
      var position = prefix + "entry " + (i + 1);
      var fullUrl = stringAt(entry, "fullUrl");
      var resource = entry.path("resource");
      if (resource.isObject() && BUNDLE.equals(stringAt(resource, "resourceType"))) {
        bundle(resource, position + ", ");
      } else if (resource.isObject()) {
        remember(fullUrl, resource);
        parts.add(new Found(resource, resource.toString(), fullUrl, position));
      } else {
        parts.add(new Settled(withoutResource(entry, position)));
      }
    }
  }

  /** A {@code urn:} fullUrl of a resource that also has an id: references by urn mean that id. */
  private void remember(@Nullable String fullUrl, JsonNode resource) {
    var type = stringAt(resource, "resourceType");
    var id = stringAt(resource, "id");
    if (fullUrl != null && References.isUrn(fullUrl) && type != null && id != null) {
      aliases.put(fullUrl, type + "/" + id);
    }
  }

  private static Item withoutResource(JsonNode entry, String position) {
    var request = entry.path("request");
    var url = stringAt(request, "url");
    if ("DELETE".equals(stringAt(request, "method")) && url != null) {
      var target = References.typeAndId(url);
      var source = target == null ? position : target.key();
      return new Ignored(
          source,
          position,
          IntakeReason.of("DELETE_NOT_SUPPORTED", Positions.phrase(position), source));
    }
    return new Rejected(
        position,
        position,
        IntakeReason.of("ENTRY_WITHOUT_RESOURCE", Positions.phrase(position)),
        entry.toString());
  }

  /**
   * NDJSON, not a broken document, if there are several lines and at least one of them is a FHIR
   * resource by itself (a pretty-printed document has no such line).
   */
  private static boolean looksLikeNdjson(String[] lines) {
    var nonBlank = 0;
    var resources = 0;
    for (var line : lines) {
      if (line.isBlank()) {
        continue;
      }
      nonBlank++;
      try {
        var node = JSON.readTree(line);
        if (stringAt(node, "resourceType") != null) {
          resources++;
        }
      } catch (JacksonException e) {
        // a broken line: NDJSON may have some
      }
    }
    return nonBlank >= 2 && resources >= 1;
  }

  /** {@code Type/id} from the start of a broken line, if it gets that far. */
  private static String guessSource(String line, String position) {
    String type = null;
    String id = null;
    try (var parser = JSON.createParser(line)) {
      var depth = 0;
      JsonToken token;
      while ((token = parser.nextToken()) != null && (type == null || id == null)) {
        if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
          depth++;
        } else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
          depth--;
        } else if (depth == 1 && token == JsonToken.PROPERTY_NAME) {
          var name = parser.currentName();
          if ("resourceType".equals(name) && parser.nextToken() == JsonToken.VALUE_STRING) {
            type = parser.getString();
          } else if ("id".equals(name) && parser.nextToken() == JsonToken.VALUE_STRING) {
            id = parser.getString();
          }
        }
      }
    } catch (JacksonException e) {
      // as far as it goes
    }
    return type != null && id != null ? type + "/" + id : position;
  }

  private static String decode(byte[] bytes) {
    try {
      var text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      throw new UnreadableDeliveryException("the delivery is not UTF-8 text, so not JSON");
    }
  }

  /** Jackson's problem and where, without the text it found (it may be personal data). */
  private static String describe(JacksonException e, boolean withLine) {
    var message = e.getOriginalMessage() == null ? "unreadable" : e.getOriginalMessage();
    var cut = message.length();
    for (var stop : new String[] {"'", "\"", "(", ":", "\n"}) {
      var at = message.indexOf(stop);
      if (at >= 0 && at < cut) {
        cut = at;
      }
    }
    var what = message.substring(0, cut).strip();
    if (what.isEmpty()) {
      what = "unreadable";
    }
    what = what.substring(0, 1).toLowerCase(Locale.ROOT) + what.substring(1);
    var location = e.getLocation();
    if (location == null || location.getLineNr() < 1) {
      return what;
    }
    return what
        + (withLine ? " at line " + location.getLineNr() + ", column " : " at column ")
        + location.getColumnNr();
  }

  /** The non-blank text of an object's property, or {@code null}. */
  static @Nullable String stringAt(JsonNode node, String property) {
    var value = node.path(property);
    return value.isString() && !value.stringValue().isBlank() ? value.stringValue() : null;
  }

  /** Whether Jackson refused the JSON for a property that appears twice in one object. */
  static boolean isDuplicateProperty(JacksonException e) {
    var message = e.getOriginalMessage();
    return message != null && message.startsWith("Duplicate Object property");
  }

  private static IntakeReason.Phrase jsonKind(JsonNode node) {
    if (node.isArray()) {
      return IntakeReason.Phrase.of("json.anArray");
    }
    if (node.isNumber()) {
      return IntakeReason.Phrase.of("json.aNumber");
    }
    if (node.isString()) {
      return IntakeReason.Phrase.of("json.aString");
    }
    if (node.isBoolean()) {
      return IntakeReason.Phrase.of("json.aBoolean");
    }
    if (node.isNull()) {
      return IntakeReason.Phrase.of("json.null");
    }
    return IntakeReason.Phrase.of("json.value");
  }

  private static String capitalised(String text) {
    return text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
  }
}
