package no.forlop.testing;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The lines of an NDJSON file as Forløp's reader counts them, worked out on their own for tests:
 * split at line feeds (a carriage return before one dropped), and a line holds something unless it
 * is blank UTF-8 text.
 */
public final class NdjsonLines {

  private NdjsonLines() {}

  /**
   * For every line, whether it holds something: bytes that are not UTF-8, or text that is not blank
   * once a byte order mark at its start is dropped.
   *
   * @param bomInEveryLine drop a byte order mark at the start of every line (a stretch of lines, as
   *     a bulk import reads them), or at the start of the file only (a delivery read as a whole)
   */
  public static List<Boolean> holdsSomething(byte[] ndjson, boolean bomInEveryLine) {
    var holds = new ArrayList<Boolean>();
    var start = 0;
    for (int i = 0; i <= ndjson.length; i++) {
      if (i < ndjson.length && ndjson[i] != '\n') {
        continue;
      }
      if (i == ndjson.length && start == i) {
        break;
      }
      var end = i > start && ndjson[i - 1] == '\r' ? i - 1 : i;
      var text = decoded(ndjson, start, end);
      if (text == null) {
        holds.add(true);
      } else {
        if ((bomInEveryLine || start == 0) && text.startsWith("\uFEFF")) {
          text = text.substring(1);
        }
        holds.add(!text.strip().isEmpty());
      }
      start = i + 1;
    }
    return holds;
  }

  /** The bytes as UTF-8 text, or {@code null} if they are not UTF-8. */
  public static @Nullable String decoded(byte[] bytes, int from, int to) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, from, to - from))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
