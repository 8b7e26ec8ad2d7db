package no.forlop.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.hl7.fhir.r4.model.Resource;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Deliveries for fuzz tests: the organisation, one invented patient's untouched colorectal history
 * ({@link ColorectalHistory}), and another's with one to three resources broken by a {@link
 * Mutation}, as NDJSON lines or as the entries of a Bundle, in random order.
 */
public final class BrokenHistories {

  /** The organisation every history refers to (organisasjonsnummer 910000012). */
  public static final String ORGANISATION = "fuzz-org";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private BrokenHistories() {}

  /**
   * One NDJSON line or bundle entry.
   *
   * @param untouched {@code Type/id} of the resource when it is untouched, else {@code null}
   * @param mutation how it was broken, or {@code null}
   */
  public record Piece(byte[] bytes, @Nullable String untouched, @Nullable Mutation mutation) {

    /** Whether the piece is still JSON the parser reads (untouched, or broken within JSON). */
    public boolean keepsJson() {
      return mutation == null || mutation.keepsJson();
    }
  }

  /**
   * NDJSON lines: the organisation, the good patient's history, the victim's with the first
   * resources broken (the first with the mutation given, up to two more with any), and up to two
   * blank lines, shuffled.
   */
  public static List<Piece> lines(String good, String victim, Mutation mutation, Random random) {
    var lines = new ArrayList<Piece>();
    lines.add(untouched(ColorectalHistory.organisation(ORGANISATION), false));
    ColorectalHistory.of(good, ORGANISATION).forEach(r -> lines.add(untouched(r, false)));
    var theirs = ColorectalHistory.of(victim, ORGANISATION);
    var broken = 1 + random.nextInt(3);
    for (int i = 0; i < theirs.size(); i++) {
      if (i < broken) {
        var how = i == 0 ? mutation : any(random);
        lines.add(new Piece(how.apply(ColorectalHistory.json(theirs.get(i)), random), null, how));
      } else {
        lines.add(untouched(theirs.get(i), false));
      }
    }
    for (int i = random.nextInt(3); i > 0; i--) {
      lines.add(new Piece(random.nextBoolean() ? new byte[0] : " \t".getBytes(), null, null));
    }
    Collections.shuffle(lines, random);
    return lines;
  }

  /** The lines as NDJSON, each ended by a line feed or now and then a carriage return and one. */
  public static byte[] ndjson(List<Piece> lines, Random random) {
    var out = new ByteArrayOutputStream();
    for (var line : lines) {
      out.writeBytes(line.bytes());
      out.writeBytes(random.nextInt(4) == 0 ? new byte[] {'\r', '\n'} : new byte[] {'\n'});
    }
    return out.toByteArray();
  }

  /**
   * Bundle entries ({@code PUT Type/id}, with a fullUrl): the organisation, the good patient's
   * history, and the victim's with the first resources broken, in the resource or (three times in
   * ten) in the entry around it, shuffled.
   */
  public static List<Piece> entries(String good, String victim, Mutation mutation, Random random) {
    var entries = new ArrayList<Piece>();
    entries.add(untouched(ColorectalHistory.organisation(ORGANISATION), true));
    ColorectalHistory.of(good, ORGANISATION).forEach(r -> entries.add(untouched(r, true)));
    var theirs = ColorectalHistory.of(victim, ORGANISATION);
    var broken = 1 + random.nextInt(3);
    for (int i = 0; i < theirs.size(); i++) {
      if (i >= broken) {
        entries.add(untouched(theirs.get(i), true));
        continue;
      }
      var how = i == 0 ? mutation : any(random);
      var entry = entryOf(theirs.get(i));
      if (random.nextInt(10) < 3) {
        entries.add(new Piece(how.apply(entry.toString(), random), null, how));
      } else {
        var around = entry.toString();
        var at = around.indexOf("\"resource\":") + "\"resource\":".length();
        var end = around.indexOf(",\"request\":");
        var out = new ByteArrayOutputStream();
        out.writeBytes(around.substring(0, at).getBytes(StandardCharsets.UTF_8));
        out.writeBytes(how.apply(around.substring(at, end), random));
        out.writeBytes(around.substring(end).getBytes(StandardCharsets.UTF_8));
        entries.add(new Piece(out.toByteArray(), null, how));
      }
    }
    Collections.shuffle(entries, random);
    return entries;
  }

  /** A Bundle of the type given holding the entries as they are. */
  public static byte[] bundle(String type, List<Piece> entries) {
    var out = new ByteArrayOutputStream();
    out.writeBytes(
        ("{\"resourceType\":\"Bundle\",\"type\":\"" + type + "\",\"entry\":[")
            .getBytes(StandardCharsets.UTF_8));
    for (int i = 0; i < entries.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.writeBytes(entries.get(i).bytes());
    }
    out.writeBytes("]}".getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  private static Mutation any(Random random) {
    return Mutation.values()[random.nextInt(Mutation.values().length)];
  }

  private static ObjectNode entryOf(Resource resource) {
    var key = resource.fhirType() + "/" + resource.getIdPart();
    var entry = JSON.createObjectNode();
    entry.put("fullUrl", "https://ehr.fjordby.example/fhir/" + key);
    entry.set("resource", JSON.readTree(ColorectalHistory.json(resource)));
    entry.putObject("request").put("method", "PUT").put("url", key);
    return entry;
  }

  private static Piece untouched(Resource resource, boolean asEntry) {
    var json = asEntry ? entryOf(resource).toString() : ColorectalHistory.json(resource);
    return new Piece(
        json.getBytes(StandardCharsets.UTF_8),
        resource.fhirType() + "/" + resource.getIdPart(),
        null);
  }
}
