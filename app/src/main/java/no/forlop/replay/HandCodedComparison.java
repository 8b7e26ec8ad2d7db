package no.forlop.replay;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Compares the codes Forløp derived with the codes that were typed by hand for the same history,
 * per kind of code (A, S, C, F, O, X …): how many agree on code and date, how many differ in date
 * (and by how many days), and how many only one side has.
 *
 * <p>The hand-coded file is CSV with a header line: {@code patient,organisation,code,date} (comma
 * or semicolon separated; dates as YYYY-MM-DD), e.g. an export from the patient-administrative
 * system.
 */
final class HandCodedComparison {

  /** One code: a patient's code at an organisation, with its date. */
  record Coded(String patient, String organisation, String code, LocalDate date) {

    String kind() {
      var suffix = code.length() > 3 ? code.substring(3) : code;
      return suffix.startsWith("C") || suffix.startsWith("F") ? suffix.substring(0, 1) : suffix;
    }

    String key() {
      return patient + "|" + organisation + "|" + code;
    }
  }

  /** The agreement for one kind of code. */
  record Agreement(
      String kind,
      int byHand,
      int derived,
      int agreed,
      int differentDate,
      int onlyByHand,
      int onlyDerived,
      @Nullable Double agreementPercent,
      @Nullable Double medianDaysApart) {}

  /** A code that was not the same on both sides. */
  record Difference(
      String patient,
      String organisation,
      String code,
      @Nullable LocalDate byHand,
      @Nullable LocalDate derived) {}

  record Report(List<Agreement> perKind, List<Difference> differences) {}

  /**
   * Reads the hand-coded CSV.
   *
   * @throws IllegalArgumentException with the line number, for a line that cannot be read
   */
  static List<Coded> read(String csv) {
    var codes = new ArrayList<Coded>();
    var lines = csv.split("\\R");
    for (int i = 1; i < lines.length; i++) {
      var line = lines[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      var cells = line.split("[;,]");
      if (cells.length != 4) {
        throw new IllegalArgumentException(
            "line " + (i + 1) + ": expected patient,organisation,code,date");
      }
      try {
        codes.add(
            new Coded(
                cells[0].strip(),
                cells[1].strip(),
                cells[2].strip(),
                LocalDate.parse(cells[3].strip())));
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("line " + (i + 1) + ": the date is not YYYY-MM-DD");
      }
    }
    return codes;
  }

  static Report compare(List<Coded> byHand, List<Coded> derived) {
    var hand = index(byHand);
    var mine = index(derived);
    var kinds = new TreeMap<String, int[]>();
    var apart = new TreeMap<String, List<Long>>();
    var differences = new ArrayList<Difference>();
    var keys = new java.util.LinkedHashSet<String>();
    keys.addAll(hand.keySet());
    keys.addAll(mine.keySet());
    for (var key : keys) {
      var h = hand.get(key);
      var d = mine.get(key);
      var kind = (h != null ? h : d).kind();
      var counts = kinds.computeIfAbsent(kind, k -> new int[6]);
      if (h != null) counts[0]++;
      if (d != null) counts[1]++;
      if (h != null && d != null && h.date().equals(d.date())) {
        counts[2]++;
        continue;
      }
      if (h != null && d != null) {
        counts[3]++;
        apart
            .computeIfAbsent(kind, k -> new ArrayList<>())
            .add(Math.abs(ChronoUnit.DAYS.between(h.date(), d.date())));
      } else if (h != null) {
        counts[4]++;
      } else {
        counts[5]++;
      }
      var any = h != null ? h : d;
      differences.add(
          new Difference(
              any.patient(),
              any.organisation(),
              any.code(),
              h == null ? null : h.date(),
              d == null ? null : d.date()));
    }
    var perKind = new ArrayList<Agreement>();
    kinds.forEach(
        (kind, c) -> {
          int union = c[2] + c[3] + c[4] + c[5];
          var days = apart.getOrDefault(kind, List.of()).stream().sorted().toList();
          perKind.add(
              new Agreement(
                  kind,
                  c[0],
                  c[1],
                  c[2],
                  c[3],
                  c[4],
                  c[5],
                  union == 0 ? null : Math.round(1000.0 * c[2] / union) / 10.0,
                  days.isEmpty() ? null : median(days)));
        });
    return new Report(perKind, differences);
  }

  private static double median(List<Long> sorted) {
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
  }

  private static Map<String, Coded> index(List<Coded> codes) {
    var index = new LinkedHashMap<String, Coded>();
    for (var code : codes) {
      index.putIfAbsent(code.key(), code);
    }
    return index;
  }
}
