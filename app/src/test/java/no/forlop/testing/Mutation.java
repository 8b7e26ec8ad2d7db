package no.forlop.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Ways to break a FHIR resource (or a bundle entry) given as one line of compact JSON, for fuzz
 * tests: each takes the JSON and a seeded {@link Random} and gives the broken bytes, never with a
 * line break in them (so a broken NDJSON line stays one line).
 */
public enum Mutation {
  /** Cut off somewhere in the middle. */
  TRUNCATE(false),
  /** A NUL character, written as the JSON escape {@code \u0000}, inside a string. */
  ESCAPED_NUL(true),
  /** A raw 0x00 byte somewhere. */
  RAW_NUL(false),
  /** A string over FHIR's limit of 1 MB. */
  HUGE_STRING(true),
  /** A value of another JSON type (a number for a string, an array for an object …). */
  WRONG_JSON_TYPE(true),
  /** An element nested 2,000 levels deep: valid JSON, deeper than Forløp's parser reads. */
  DEEP_NESTING(false),
  /** An element nested 50–450 levels deep, within what the parser reads. */
  NESTING_WITHIN_LIMIT(true),
  /** A property dropped, often one the reader requires (subject, status, a date …). */
  DROPPED_PROPERTY(true),
  /** A property named twice in one object. */
  DUPLICATED_PROPERTY(false),
  /** Bytes that are not UTF-8. */
  INVALID_UTF8(false),
  /** Random bytes over part of it, or instead of all of it. */
  RANDOM_BYTES(false),
  /** A number with a huge exponent ({@code 1e1000000000}), short to write, endless to write out. */
  HUGE_EXPONENT(true);

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String PLACEHOLDER = "\u0001placeholder\u0001";
  private static final String QUOTED_PLACEHOLDER = "\"\\u0001placeholder\\u0001\"";

  private final boolean keepsJson;

  Mutation(boolean keepsJson) {
    this.keepsJson = keepsJson;
  }

  /**
   * Whether the result is still JSON that Forløp's parser reads as a whole, so that a bundle
   * holding it stays readable and only the broken entry may be refused.
   */
  public boolean keepsJson() {
    return keepsJson;
  }

  /** The JSON broken this way, as bytes without a line break. */
  public byte[] apply(String json, Random random) {
    var bytes =
        switch (this) {
          case TRUNCATE ->
              utf8(json.substring(0, 1 + random.nextInt(Math.max(1, json.length() - 1))));
          case ESCAPED_NUL ->
              tree(json, random, JsonNode::isString, v -> withNul(v.stringValue(), random));
          case RAW_NUL -> insert(utf8(json), new byte[] {0}, random);
          case HUGE_STRING ->
              tree(
                  json,
                  random,
                  JsonNode::isString,
                  v -> NODES.stringNode("x".repeat(1024 * 1024 + 1 + random.nextInt(100))));
          case WRONG_JSON_TYPE -> tree(json, random, v -> true, v -> otherType(v, random));
          case DEEP_NESTING -> nested(json, random, 2_000);
          case NESTING_WITHIN_LIMIT -> nested(json, random, 50 + random.nextInt(401));
          case DROPPED_PROPERTY -> dropped(json, random);
          case DUPLICATED_PROPERTY -> duplicated(json, random);
          case INVALID_UTF8 -> insert(utf8(json), invalidUtf8(random), random);
          case RANDOM_BYTES -> randomBytes(utf8(json), random);
          case HUGE_EXPONENT ->
              placeholder(
                  json,
                  random,
                  v -> true,
                  random.nextBoolean() ? "1e1000000000" : "-2.5E-1000000000");
        };
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        bytes[i] = ' ';
      }
    }
    return bytes;
  }

  /** A place in a JSON tree: an object's property or an array's element. */
  private record Slot(JsonNode parent, String name, int index) {

    JsonNode value() {
      return parent instanceof ObjectNode object ? object.get(name) : parent.get(index);
    }

    void set(JsonNode value) {
      if (parent instanceof ObjectNode object) {
        object.set(name, value);
      } else {
        ((ArrayNode) parent).set(index, value);
      }
    }
  }

  private static List<Slot> slots(JsonNode node) {
    var slots = new ArrayList<Slot>();
    collect(node, slots);
    return slots;
  }

  private static void collect(JsonNode node, List<Slot> slots) {
    if (node instanceof ObjectNode object) {
      for (var name : List.copyOf(object.propertyNames())) {
        slots.add(new Slot(object, name, -1));
        collect(object.get(name), slots);
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        slots.add(new Slot(array, null, i));
        collect(array.get(i), slots);
      }
    }
  }

  /** One value of the tree that passes the test, replaced by what the function makes of it. */
  private static byte[] tree(
      String json,
      Random random,
      java.util.function.Predicate<JsonNode> which,
      Function<JsonNode, JsonNode> replacement) {
    var root = JSON.readTree(json);
    var candidates = slots(root).stream().filter(slot -> which.test(slot.value())).toList();
    if (candidates.isEmpty()) {
      return utf8(json);
    }
    var slot = candidates.get(random.nextInt(candidates.size()));
    slot.set(replacement.apply(slot.value()));
    return utf8(JSON.writeValueAsString(root));
  }

  /** One value of the tree replaced by raw JSON text (which the tree could not hold as such). */
  private static byte[] placeholder(
      String json, Random random, java.util.function.Predicate<JsonNode> which, String raw) {
    var text =
        new String(
            tree(json, random, which, v -> NODES.stringNode(PLACEHOLDER)), StandardCharsets.UTF_8);
    return utf8(text.replace(QUOTED_PLACEHOLDER, raw));
  }

  private static JsonNode withNul(String value, Random random) {
    var at = random.nextInt(value.length() + 1);
    return NODES.stringNode(value.substring(0, at) + '\u0000' + value.substring(at));
  }

  private static JsonNode otherType(JsonNode value, Random random) {
    var kinds =
        List.<JsonNode>of(
            NODES.numberNode(42),
            NODES.booleanNode(true),
            NODES.nullNode(),
            NODES.stringNode("text"),
            NODES.arrayNode(),
            NODES.objectNode(),
            NODES.arrayNode().add(1).add("a"),
            NODES.objectNode().put("x", 1));
    while (true) {
      var other = kinds.get(random.nextInt(kinds.size()));
      if (other.getNodeType() != value.getNodeType()) {
        return other;
      }
    }
  }

  private static byte[] nested(String json, Random random, int depth) {
    var open = new StringBuilder();
    var close = new StringBuilder();
    for (int i = 0; i < depth; i++) {
      if (random.nextBoolean()) {
        open.append('[');
        close.insert(0, ']');
      } else {
        open.append("{\"a\":");
        close.insert(0, '}');
      }
    }
    return placeholder(json, random, v -> true, open + "1" + close);
  }

  /** A property dropped: a top-level one (not the resource type) more often than not. */
  private static byte[] dropped(String json, Random random) {
    var root = (ObjectNode) JSON.readTree(json);
    var topLevel =
        root.propertyNames().stream().filter(name -> !name.equals("resourceType")).toList();
    if (random.nextInt(10) < 7 && !topLevel.isEmpty()) {
      root.remove(topLevel.get(random.nextInt(topLevel.size())));
    } else {
      var properties = slots(root).stream().filter(s -> s.parent() instanceof ObjectNode).toList();
      var slot = properties.get(random.nextInt(properties.size()));
      ((ObjectNode) slot.parent()).remove(slot.name());
    }
    return utf8(JSON.writeValueAsString(root));
  }

  /** One object gets a second property of a name it already has. */
  private static byte[] duplicated(String json, Random random) {
    var root = JSON.readTree(json);
    var objects = new ArrayList<ObjectNode>();
    if (root instanceof ObjectNode object) {
      objects.add(object);
    }
    slots(root).stream()
        .map(Slot::value)
        .filter(v -> v instanceof ObjectNode o && !o.isEmpty())
        .forEach(v -> objects.add((ObjectNode) v));
    var object = objects.get(random.nextInt(objects.size()));
    var names = List.copyOf(object.propertyNames());
    var name = names.get(random.nextInt(names.size()));
    object.put(PLACEHOLDER, 0);
    var text = JSON.writeValueAsString(root);
    return utf8(text.replace(QUOTED_PLACEHOLDER + ":0", JSON.writeValueAsString(name) + ":null"));
  }

  private static byte[] invalidUtf8(Random random) {
    var choices =
        List.of(
            new byte[] {(byte) 0xFF},
            new byte[] {(byte) 0xC3, 0x28},
            new byte[] {(byte) 0xE2, (byte) 0x82},
            new byte[] {(byte) 0x80},
            new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80});
    return choices.get(random.nextInt(choices.size()));
  }

  private static byte[] randomBytes(byte[] bytes, Random random) {
    if (random.nextInt(5) == 0) {
      var all = new byte[1 + random.nextInt(200)];
      random.nextBytes(all);
      return all;
    }
    var copy = bytes.clone();
    var length = 1 + random.nextInt(Math.min(64, copy.length));
    var from = random.nextInt(copy.length - length + 1);
    var noise = new byte[length];
    random.nextBytes(noise);
    System.arraycopy(noise, 0, copy, from, length);
    return copy;
  }

  private static byte[] insert(byte[] bytes, byte[] inserted, Random random) {
    var at = random.nextInt(bytes.length + 1);
    var out = new ByteArrayOutputStream();
    out.write(bytes, 0, at);
    out.write(inserted, 0, inserted.length);
    out.write(bytes, at, bytes.length - at);
    return out.toByteArray();
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
