package no.forlop.npr;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import no.forlop.access.Actor;
import no.forlop.access.Users;
import no.forlop.audit.AuditAction;
import no.forlop.audit.AuditLog;
import no.forlop.calendar.OsloTime;
import no.forlop.npr.NprDeliveryException.Kind;
import no.forlop.reporting.RegisteredCodes;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes and records deliveries to NPR. A delivery for an organisation and period [from, to] (both
 * days included) holds every REGISTERED code with an official code value, dated in the period, of
 * the pathways of that organisation, read from the statistics' read model. Both documents are
 * validated against their schemas before anything is stored; a delivery for an organisation and
 * period that was delivered before supersedes the latest earlier one. Deliveries for overlapping
 * but different periods are separate and supersede nothing.
 */
@Service
public class NprDeliveries {

  static final String RESOURCE = "npr-delivery/";

  private final JdbcClient jdbc;
  private final RegisteredCodes registered;
  private final AuditLog audit;
  private final Users users;
  private final Clock clock;
  private final NprSchemas schemas = new NprSchemas();

  NprDeliveries(
      JdbcClient jdbc, RegisteredCodes registered, AuditLog audit, Users users, Clock clock) {
    this.jdbc = jdbc;
    this.registered = registered;
    this.audit = audit;
    this.users = users;
    this.clock = clock;
  }

  /** Makes, validates and records a delivery. */
  @Transactional
  public DeliverySummary deliver(
      @Nullable String organisation,
      @Nullable LocalDate from,
      @Nullable LocalDate to,
      Actor actor) {
    if (organisation == null || organisation.isBlank()) {
      throw NprDeliveryException.invalid(
          "MISSING_FIELD", "organisation is required", "organisation", "organisation");
    }
    if (from == null) {
      throw NprDeliveryException.invalid("MISSING_FIELD", "from is required", "from", "from");
    }
    if (to == null) {
      throw NprDeliveryException.invalid("MISSING_FIELD", "to is required", "to", "to");
    }
    if (to.isBefore(from)) {
      throw NprDeliveryException.invalid(
          "INVALID_PERIOD", "to (" + to + ") is before from (" + from + ")", "to", from, to);
    }
    var today = OsloTime.today(clock);
    if (to.isAfter(today)) {
      throw NprDeliveryException.invalid(
              "INVALID_PERIOD", "to (" + to + ") is after today (" + today + ")", "to", to, today)
          .variant("future");
    }
    if (!known(organisation)) {
      throw NprDeliveryException.invalid(
          "UNKNOWN_ORGANISATION",
          "organisation " + organisation + " is neither a unit nor the owner of any pathway",
          "organisation",
          organisation);
    }
    mayAccess(organisation, actor);

    // one delivery at a time per organisation and period, so the sequence has no gaps or twins
    jdbc.sql("select pg_advisory_xact_lock(hashtext(:key))")
        .param("key", "npr:" + organisation + ":" + from + ":" + to)
        .query()
        .listOfRows();
    var previous =
        jdbc.sql(
                """
                select id, sequence from npr_delivery
                where organisation = :org and period_from = :from and period_to = :to
                order by sequence desc limit 1
                """)
            .param("org", organisation)
            .param("from", from)
            .param("to", to)
            .query((rs, n) -> new Previous(rs.getObject("id", UUID.class), rs.getInt("sequence")))
            .optional();

    var id = UUID.randomUUID();
    var createdAt = Instant.now(clock);
    var sequence = previous.map(p -> p.sequence() + 1).orElse(1);
    var supersedes = previous.map(Previous::id).orElse(null);
    var rows = codes(organisation, from, to);
    var refused = refused(organisation, from, to);
    var written =
        NprDocuments.write(
            new NprDocuments.Header(id, sequence, supersedes, organisation, from, to, createdAt),
            rows);

    var problems = new ArrayList<String>();
    schemas.problemsOfMessage(written.message()).forEach(p -> problems.add("message: " + p));
    schemas
        .problemsOfIdentities(written.identities())
        .forEach(p -> problems.add("identities: " + p));
    if (problems.isEmpty() && identityKeys(written.identities()).size() != written.patients()) {
      problems.add("identities: not every patient of the message is identified once");
    }
    if (!problems.isEmpty()) {
      throw new NprDeliveryException(
          Kind.DOCUMENT_INVALID,
          "NPR_DOCUMENT_INVALID",
          "the delivery does not validate against its schema and was not stored: "
              + String.join("; ", problems),
          null);
    }

    jdbc.sql(
            """
            insert into npr_delivery (id, organisation, period_from, period_to, sequence,
                supersedes, created_at, created_by, patients, pathways, codes, withheld_codes,
                refused_codes, schema_version, message_sha256, identities_sha256, message,
                identities)
            values (:id, :org, :from, :to, :sequence, :supersedes, :createdAt, :createdBy,
                :patients, :pathways, :codes, :withheld, cast(:refused as jsonb), :schemaVersion,
                :messageSha, :identitiesSha, :message, :identities)
            """)
        .param("id", id)
        .param("org", organisation)
        .param("from", from)
        .param("to", to)
        .param("sequence", sequence)
        .param("supersedes", supersedes)
        .param("createdAt", OffsetDateTime.ofInstant(createdAt, ZoneOffset.UTC))
        .param("createdBy", actor.id())
        .param("patients", written.patients())
        .param("pathways", written.pathways())
        .param("codes", written.codes())
        .param("withheld", refused.size())
        .param("refused", JSON.writeValueAsString(refused))
        .param("schemaVersion", NprDocuments.SCHEMA_VERSION)
        .param("messageSha", sha256(written.message()))
        .param("identitiesSha", sha256(written.identities()))
        .param("message", written.message())
        .param("identities", written.identities())
        .update();
    audit.recordReads(
        actor, rows.stream().map(NprDocuments.CodeRow::patient).toList(), RESOURCE + id);
    return get(id, actor);
  }

  /** The deliveries of an organisation (or of all the actor's units), newest first. */
  @Transactional(readOnly = true)
  public List<DeliverySummary> list(@Nullable String organisation, Actor actor) {
    if (organisation != null) {
      mayAccess(organisation, actor);
    }
    return jdbc
        .sql(
            SUMMARY
                + " where (cast(:org as text) is null or d.organisation = :org)"
                + " order by d.created_at desc, d.sequence desc")
        .param("org", organisation)
        .query(NprDeliveries::summary)
        .list()
        .stream()
        .filter(d -> actor.mayAccess(d.organisation()))
        .toList();
  }

  /** One delivery's summary. */
  @Transactional(readOnly = true)
  public DeliverySummary get(UUID id, Actor actor) {
    var summary =
        jdbc.sql(SUMMARY + " where d.id = :id")
            .param("id", id)
            .query(NprDeliveries::summary)
            .optional()
            .orElseThrow(
                () ->
                    new NprDeliveryException(
                        Kind.NOT_FOUND, "DELIVERY_NOT_FOUND", "no delivery " + id, null, id));
    mayAccess(summary.organisation(), actor);
    return summary;
  }

  /** The pathway-code document exactly as delivered (no identity numbers in it). */
  @Transactional
  public String message(UUID id, Actor actor) {
    get(id, actor);
    audit.record(actor, AuditAction.READ, null, RESOURCE + id + "/message", null);
    return document(id, "message");
  }

  /** The identification document exactly as delivered; a read of every patient in it. */
  @Transactional
  public String identities(UUID id, Actor actor) {
    get(id, actor);
    var identities = document(id, "identities");
    audit.recordReads(actor, identityNumbers(identities), RESOURCE + id + "/identities");
    return identities;
  }

  private String document(UUID id, String column) {
    return jdbc.sql("select " + column + " from npr_delivery where id = :id")
        .param("id", id)
        .query(String.class)
        .single();
  }

  private boolean known(String organisation) {
    return users.unit(organisation).isPresent() || registered.hasPathways(organisation);
  }

  private static void mayAccess(String organisation, Actor actor) {
    if (!actor.mayAccess(organisation)) {
      throw new NprDeliveryException(
              Kind.OUTSIDE_UNITS,
              "OUTSIDE_UNITS",
              "organisation " + organisation + " is not one of your units",
              "organisation",
              organisation)
          .variant("organisation");
    }
  }

  private List<NprDocuments.CodeRow> codes(String organisation, LocalDate from, LocalDate to) {
    return registered.withOfficialCode(organisation, from, to).stream()
        .map(
            c ->
                new NprDocuments.CodeRow(
                    c.pathwayId(),
                    c.patient(),
                    c.pathway(),
                    c.codePrefix(),
                    c.registrationId(),
                    java.util.Objects.requireNonNull(c.code()),
                    c.date(),
                    c.origin()))
        .toList();
  }

  /**
   * The registered codes in the period that cannot be sent, each named with why: never a bare
   * suffix such as "A" for a pathway whose prefix the catalogue lacks.
   */
  private List<RefusedCode> refused(String organisation, LocalDate from, LocalDate to) {
    return registered.withoutOfficialCode(organisation, from, to).stream()
        .map(
            c ->
                c.codePrefix() == null
                    ? new RefusedCode(
                        c.pathwayId(),
                        c.pathway(),
                        c.registrationId(),
                        c.codeKey(),
                        c.date(),
                        RefusedCode.PREFIX_UNKNOWN,
                        "the catalogue has no code prefix for the pathway "
                            + c.pathway()
                            + ", so "
                            + c.codeKey()
                            + " of "
                            + c.date()
                            + " is incomplete (code missing from the catalogue) and is not sent;"
                            + " it is sent once a catalogue version with the prefix is in force")
                    : new RefusedCode(
                        c.pathwayId(),
                        c.pathway(),
                        c.registrationId(),
                        c.codeKey(),
                        c.date(),
                        RefusedCode.SUFFIX_UNKNOWN,
                        "the catalogue knows no official code for "
                            + c.codeKey()
                            + " in the pathway "
                            + c.pathway()
                            + " ("
                            + c.codePrefix()
                            + "), so the code of "
                            + c.date()
                            + " is not sent"))
        .toList();
  }

  private static final String SUMMARY =
      """
      select d.id, d.organisation, d.period_from, d.period_to, d.sequence, d.supersedes,
             n.id as superseded_by, d.created_at, d.created_by, d.patients, d.pathways, d.codes,
             d.withheld_codes, d.refused_codes, d.schema_version, d.message_sha256, d.identities_sha256
      from npr_delivery d left join npr_delivery n on n.supersedes = d.id
      """;

  private static DeliverySummary summary(ResultSet rs, int n) throws SQLException {
    var supersededBy = rs.getObject("superseded_by", UUID.class);
    return new DeliverySummary(
        rs.getObject("id", UUID.class),
        rs.getString("organisation"),
        rs.getObject("period_from", LocalDate.class),
        rs.getObject("period_to", LocalDate.class),
        rs.getInt("sequence"),
        rs.getObject("supersedes", UUID.class),
        supersededBy,
        supersededBy == null,
        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
        rs.getString("created_by"),
        rs.getInt("patients"),
        rs.getInt("pathways"),
        rs.getInt("codes"),
        rs.getInt("withheld_codes"),
        refusedCodes(rs.getString("refused_codes")),
        rs.getString("schema_version"),
        rs.getString("message_sha256"),
        rs.getString("identities_sha256"));
  }

  private record Previous(UUID id, int sequence) {}

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static List<RefusedCode> refusedCodes(String json) {
    return List.of(JSON.readValue(json, RefusedCode[].class));
  }

  /** SHA-256 of the document's UTF-8 bytes, in lower-case hex. */
  static String sha256(String document) {
    try {
      var digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(document.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The patient keys of an identification document. */
  static List<String> identityKeys(String identities) {
    return personAttribute(identities, "key");
  }

  /** The identity numbers of an identification document. */
  static List<String> identityNumbers(String identities) {
    return personAttribute(identities, "id");
  }

  private static List<String> personAttribute(String identities, String attribute) {
    var factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    var values = new ArrayList<String>();
    try {
      var reader = factory.createXMLStreamReader(new StringReader(identities));
      while (reader.hasNext()) {
        if (reader.next() == XMLStreamConstants.START_ELEMENT
            && reader.getLocalName().equals("person")) {
          var value = reader.getAttributeValue(null, attribute);
          if (value != null) {
            values.add(value);
          }
        }
      }
    } catch (XMLStreamException e) {
      throw new IllegalStateException("a stored identification document is not readable", e);
    }
    return values.stream().distinct().toList();
  }
}
