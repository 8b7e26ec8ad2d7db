package no.forlop.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An NDJSON file for bulk imports: invented patients, each with a colorectal pathway ({@link
 * ColorectalHistory}, seven resources), one organisation, a blank line and two bad lines.
 *
 * @param patients the patients' fødselsnumre, in the order of the file
 * @param lines the file's lines, blank ones included
 * @param resources the lines that hold something (all but the blank one)
 * @param rejected the lines Forløp rejects (a JSON array, an Encounter without its status)
 */
public record BulkFile(
    String ndjson, List<String> patients, int lines, int resources, int rejected) {

  /** A file of this many new patients, at the organisation with this resource id. */
  public static BulkFile of(int patients, String organisation) {
    var lines = new ArrayList<String>();
    var people = new ArrayList<String>();
    lines.add(ColorectalHistory.json(ColorectalHistory.organisation(organisation)));
    for (int i = 0; i < patients; i++) {
      var patient = TestPatients.next();
      people.add(patient);
      ColorectalHistory.of(patient, organisation)
          .forEach(r -> lines.add(ColorectalHistory.json(r)));
      if (i == patients / 3) {
        lines.add("");
        lines.add("[1, 2, 3]");
      }
      if (i == 2 * patients / 3) {
        lines.add(
            "{\"resourceType\":\"Encounter\",\"id\":\"nostatus-"
                + patient
                + "\",\"class\":{\"code\":\"AMB\"},\"subject\":{\"reference\":\"Patient/"
                + ColorectalHistory.id(patient, "p")
                + "\"}}");
      }
    }
    return new BulkFile(
        String.join("\n", lines) + "\n", List.copyOf(people), lines.size(), lines.size() - 1, 2);
  }

  public byte[] bytes() {
    return ndjson.getBytes(StandardCharsets.UTF_8);
  }

  /** The resources Forløp accepts. */
  public int accepted() {
    return resources - rejected;
  }
}
