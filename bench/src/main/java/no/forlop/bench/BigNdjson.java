package no.forlop.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes an NDJSON file of synthetic patients ({@link SyntheticEhr}, 7 resources each, after one
 * Organization) of at least the size asked, for the memory run of a bulk import: {@code BigNdjson
 * FILE MEGABYTES}.
 */
public final class BigNdjson {

  public static void main(String[] args) throws IOException {
    var file = Path.of(args[0]);
    long bytes = Long.parseLong(args[1]) * 1024 * 1024;
    long written = 0;
    int patients = 0;
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      var organisation = SyntheticEhr.organisation();
      out.write(organisation);
      written += organisation.length();
      while (written < bytes) {
        var lines = SyntheticEhr.patient(patients++);
        out.write(lines);
        written += lines.getBytes(StandardCharsets.UTF_8).length;
      }
    }
    System.out.printf(
        "%s: %,d patients, %,d resources, %,d bytes%n",
        file, patients, 1 + patients * (long) SyntheticEhr.RESOURCES_PER_PATIENT, written);
  }
}
