package no.forlop.ingest.fhir.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.forlop.ingest.fhir.IntakeReason;
import org.jspecify.annotations.Nullable;

/**
 * Understands a batch or transaction Bundle as the client sent it, before Forløp reads its
 * resources: its type, and for each entry the request (method and URL) and the type and id of the
 * resource, so that every entry can be answered, and an entry whose request contradicts its
 * resource ({@code PUT Encounter/e2} holding {@code Encounter/e1}) is refused.
 */
record BundleRequest(Kind kind, List<Entry> entries) {

  /** The two kinds of bundle the endpoint takes. */
  enum Kind {
    /** Every entry on its own. */
    BATCH,
    /** All or nothing. */
    TRANSACTION
  }

  private static final Set<String> WRITES = Set.of("POST", "PUT");
  private static final Set<String> OTHER_INTERACTIONS = Set.of("GET", "HEAD", "DELETE", "PATCH");

  BundleRequest {
    entries = List.copyOf(entries);
  }

  /**
   * One entry: where it stands (0 for the first), its request, and its resource's type and id.
   *
   * @param method {@code request.method}, or {@code null} when the entry has no request (then the
   *     resource is taken as it is, like an update of itself)
   * @param ifNoneExist {@code request.ifNoneExist}: a conditional create
   */
  record Entry(
      int index,
      @Nullable String method,
      @Nullable String url,
      @Nullable String type,
      @Nullable String id,
      @Nullable String fullUrl,
      @Nullable String ifNoneExist) {

    /** The FHIRPath of the entry, for an OperationOutcome's {@code expression}. */
    String expression() {
      return "Bundle.entry[" + index + "]";
    }

    /** "Entry 3 (Encounter/e1)", for texts, in the language of the text. */
    IntakeReason.Phrase name() {
      return type == null
          ? new IntakeReason.Phrase("fhir.entry", List.of(String.valueOf(index + 1)))
          : new IntakeReason.Phrase(
              "fhir.entry.named",
              List.of(String.valueOf(index + 1), type + (id == null ? "" : "/" + id)));
    }

    /** The names the entry's resource goes by: its fullUrl, and its type and id. */
    List<String> identities() {
      var names = new ArrayList<String>();
      if (fullUrl != null) {
        names.add("fullUrl " + fullUrl);
      }
      if (type != null && id != null) {
        names.add(type + "/" + id);
      }
      return names;
    }

    /** Whether the entry asks to create its resource ({@code POST}). */
    boolean creates() {
      return "POST".equals(method);
    }

    /** Where the resource is known: {@code Type/id}, or its {@code urn:uuid:} fullUrl. */
    @Nullable String location() {
      return type != null && id != null ? type + "/" + id : fullUrl;
    }

    /** What is wrong with the entry's request, or {@code null} if nothing is. */
    @Nullable Problem problem() {
      if (method == null) {
        return null;
      }
      if (OTHER_INTERACTIONS.contains(method)) {
        return new Problem(
            405,
            org.hl7.fhir.r4.model.OperationOutcome.IssueType.NOTSUPPORTED,
            Problem.text(
                "METHOD_NOT_SUPPORTED", "DELETE".equals(method) ? "DELETE" : null, name(), method),
            expression());
      }
      if (!WRITES.contains(method)) {
        return Problem.badEntry(
            "INVALID_REQUEST", "method", expression() + ".request.method", name());
      }
      if (url == null || type == null) {
        return null;
      }
      var target = Target.of(url);
      var at = expression() + ".request.url";
      if (target == null) {
        return Problem.badEntry("INVALID_REQUEST", "url", at, name());
      }
      if (!target.type().equals(type)) {
        return Problem.badEntry("WRONG_RESOURCE_TYPE", "entry", at, name(), target.type(), type);
      }
      if ("POST".equals(method) && target.id() != null) {
        return Problem.badEntry("INVALID_REQUEST", "post", at, name(), type);
      }
      if ("PUT".equals(method) && target.id() == null && !target.conditional()) {
        return Problem.badEntry("INVALID_REQUEST", "put", at, name(), type);
      }
      if (target.id() != null && !target.id().equals(id)) {
        return id == null
            ? Problem.badEntry("ID_MISMATCH", "entryNoId", at, name(), type, target.id())
            : Problem.badEntry("ID_MISMATCH", "entry", at, name(), type, target.id(), id);
      }
      return null;
    }
  }

  /** What a request URL names: a type, perhaps an id, or a conditional ({@code Type?…}). */
  record Target(String type, @Nullable String id, boolean conditional) {

    static @Nullable Target of(String url) {
      var query = url.indexOf('?');
      var path = query >= 0 ? url.substring(0, query) : url;
      var segments = new ArrayList<String>();
      for (var segment : path.split("/")) {
        if (!segment.isEmpty()) {
          segments.add(segment);
        }
      }
      var n = segments.size();
      if (n >= 2 && segments.get(n - 2).equals("_history")) {
        n -= 2;
      }
      if (n == 0) {
        return null;
      }
      var last = segments.get(n - 1);
      if (query >= 0) {
        return isType(last) ? new Target(last, null, true) : null;
      }
      if (n >= 2 && isType(segments.get(n - 2))) {
        return new Target(segments.get(n - 2), last, false);
      }
      return isType(last) ? new Target(last, null, false) : null;
    }

    static boolean isType(@Nullable String segment) {
      return segment != null && segment.matches("[A-Z][A-Za-z]{1,63}");
    }
  }

  /**
   * The bundle in the body.
   *
   * @throws ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException (400) when the body is
   *     no batch or transaction Bundle, or one Forløp cannot answer entry by entry
   */
  static BundleRequest of(byte[] body) {
    var bundle = RequestBody.resource(body);
    var resourceType = RequestBody.text(bundle, "resourceType");
    if (!"Bundle".equals(resourceType)) {
      throw (Target.isType(resourceType)
              ? Problem.badRequest("NOT_A_BUNDLE", resourceType)
              : Problem.badRequestVariant("NOT_A_BUNDLE", "unknown"))
          .exception();
    }
    var type = RequestBody.text(bundle, "type");
    Kind kind;
    if ("batch".equals(type)) {
      kind = Kind.BATCH;
    } else if ("transaction".equals(type)) {
      kind = Kind.TRANSACTION;
    } else {
      throw (type == null
              ? Problem.badRequestVariant("BUNDLE_TYPE_NOT_SUPPORTED", "none")
              : Problem.badRequest("BUNDLE_TYPE_NOT_SUPPORTED", type.length() > 40 ? "?" : type))
          .exception();
    }
    var entries = new ArrayList<Entry>();
    var list = bundle.path("entry");
    if (list.isMissingNode() || list.isNull()) {
      return new BundleRequest(kind, entries);
    }
    if (!list.isArray()) {
      throw Problem.badRequest("INVALID_BUNDLE").exception();
    }
    for (int i = 0; i < list.size(); i++) {
      var entry = list.get(i);
      var resource = entry.path("resource");
      var request = entry.path("request");
      var resourceTypeOfEntry = RequestBody.text(resource, "resourceType");
      if ("Bundle".equals(resourceTypeOfEntry)) {
        throw Problem.badRequest("NESTED_BUNDLE", String.valueOf(i + 1), type).exception();
      }
      entries.add(
          new Entry(
              i,
              RequestBody.text(request, "method"),
              RequestBody.text(request, "url"),
              resourceTypeOfEntry,
              RequestBody.text(resource, "id"),
              RequestBody.text(entry, "fullUrl"),
              RequestBody.text(request, "ifNoneExist")));
    }
    return new BundleRequest(kind, entries);
  }

  /**
   * The entries of a transaction that name a resource an earlier entry already names (the same
   * fullUrl, or the same type and id), by entry index, each with the index of the earlier entry:
   * FHIR R4 refuses such a transaction as a whole (http.html#transaction: "if any resource
   * identities (including resolved identities from conditional update/delete) overlap in steps 1-3,
   * then the transaction SHALL fail").
   */
  Map<Integer, Integer> repeated() {
    var repeated = new LinkedHashMap<Integer, Integer>();
    var seen = new java.util.HashMap<String, Integer>();
    for (var entry : entries) {
      for (var identity : entry.identities()) {
        var earlier = seen.putIfAbsent(identity, entry.index());
        if (earlier != null && earlier != entry.index()) {
          repeated.putIfAbsent(entry.index(), earlier);
        }
      }
    }
    return repeated;
  }

  /** The problems of the entries' requests, by entry index, in order. */
  Map<Integer, Problem> problems() {
    var problems = new LinkedHashMap<Integer, Problem>();
    for (var entry : entries) {
      var problem = entry.problem();
      if (problem != null) {
        problems.put(entry.index(), problem);
      }
    }
    return problems;
  }
}
