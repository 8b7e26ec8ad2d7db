package no.forlop.access;

import java.util.List;
import java.util.Map;

/**
 * The purpose a request has when it names none, by route (ADR 0025): statistics pages and APIs log
 * statistics, the running of the service (catalogue, terminology, NPR, imports, the audit trail)
 * administration, the coordinators' worklist and pathway pages coordination; the pathway API, the
 * MDT meeting and the EHR's FHIR endpoint patient care. One table, read top to bottom, so a
 * security officer can check it.
 */
final class PurposeDefaults {

  /** Path prefixes and their default purpose; the first that matches wins. */
  static final List<Map.Entry<String, Purpose>> ROUTES =
      List.of(
          Map.entry("/dashboard", Purpose.STATISTICS),
          Map.entry("/api/v1/indicators", Purpose.STATISTICS),
          Map.entry("/api/v1/npr", Purpose.ADMINISTRATION),
          Map.entry("/api/v1/catalogue", Purpose.ADMINISTRATION),
          Map.entry("/catalogue", Purpose.ADMINISTRATION),
          Map.entry("/api/v1/terminology", Purpose.ADMINISTRATION),
          Map.entry("/api/v1/ingest", Purpose.ADMINISTRATION),
          Map.entry("/api/v1/audit", Purpose.ADMINISTRATION),
          // reviewing emergency accesses is control, like reading an audit trail
          Map.entry("/emergency-access", Purpose.ADMINISTRATION),
          Map.entry("/api/v1/emergency-access", Purpose.ADMINISTRATION),
          Map.entry("/worklist", Purpose.COORDINATION),
          Map.entry("/pathways/", Purpose.COORDINATION),
          Map.entry("/mdt", Purpose.PATIENT_CARE),
          Map.entry("/api/v1/pathways", Purpose.PATIENT_CARE),
          Map.entry("/fhir", Purpose.PATIENT_CARE));

  private PurposeDefaults() {}

  /** The default purpose of a request path (without the context path). */
  static Purpose forPath(String path) {
    if (path.equals("/")) {
      return Purpose.COORDINATION; // the start page is the worklist
    }
    for (var route : ROUTES) {
      var prefix = route.getKey();
      if (path.startsWith(prefix)
          && (prefix.endsWith("/")
              || path.length() == prefix.length()
              || "/.?".indexOf(path.charAt(prefix.length())) >= 0)) {
        return route.getValue();
      }
    }
    return Purpose.PATIENT_CARE;
  }
}
