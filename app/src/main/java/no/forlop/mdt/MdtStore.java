package no.forlop.mdt;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import no.forlop.mdt.domain.Decision;
import no.forlop.mdt.domain.TreatmentIntention;
import no.forlop.pathway.Rejection;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stores MDT meetings, their agendas and the decisions recorded in them. */
@Repository
class MdtStore {

  private final JdbcClient jdbc;

  MdtStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A patient's pathway on a meeting's agenda. */
  record Item(
      UUID pathway,
      String patient,
      boolean proposed,
      Instant addedAt,
      String addedBy,
      @Nullable Instant removedAt,
      @Nullable String removedBy) {

    boolean removed() {
      return removedAt != null;
    }
  }

  /**
   * What became of the code a decision or a conversation produced: the registration, the engine's
   * refusal, or both (a correction recorded, its confirmation refused).
   */
  record CodeOutcome(@Nullable UUID registration, @Nullable Rejection refusal) {}

  /** A decision as recorded, with the conversation recorded after the meeting, if any. */
  record StoredDecision(
      UUID pathway,
      Decision decision,
      CodeOutcome code,
      Instant recordedAt,
      String recordedBy,
      @Nullable Conversation conversation) {}

  /** The conversation with the patient, recorded after the meeting. */
  record Conversation(
      LocalDate discussedOn, CodeOutcome code, Instant recordedAt, String recordedBy) {}

  void insert(Meeting meeting) {
    jdbc.sql(
            """
            insert into mdt_meeting (id, meeting_date, team, organisation, planned_at, planned_by)
            values (:id, :date, :team, :organisation, :at, :by)
            """)
        .param("id", meeting.id())
        .param("date", meeting.date())
        .param("team", meeting.team())
        .param("organisation", meeting.organisation())
        .param("at", utc(meeting.plannedAt()))
        .param("by", meeting.plannedBy())
        .update();
    for (var pathway : meeting.pathways()) {
      jdbc.sql("insert into mdt_meeting_pathway (meeting_id, pathway) values (:id, :pathway)")
          .param("id", meeting.id())
          .param("pathway", pathway)
          .update();
    }
  }

  Optional<Meeting> find(UUID id) {
    return meetings("where m.id = :id", Map.of("id", id)).stream()
        .map(MeetingSummary::meeting)
        .findFirst();
  }

  /** The meetings of these units, newest first; {@code null}: of every unit. */
  List<MeetingSummary> byUnits(@Nullable Collection<String> units) {
    if (units == null) {
      return meetings("", Map.of());
    }
    if (units.isEmpty()) {
      return List.of();
    }
    return meetings("where m.organisation in (:units)", Map.of("units", List.copyOf(units)));
  }

  private List<MeetingSummary> meetings(String where, Map<String, Object> params) {
    return jdbc.sql(
            """
            select m.id, m.meeting_date, m.team, m.organisation, m.planned_at, m.planned_by,
                   array(select p.pathway from mdt_meeting_pathway p
                         where p.meeting_id = m.id order by p.pathway) as pathways,
                   (select count(*) from mdt_agenda_item i
                    where i.meeting_id = m.id and i.removed_at is null) as patients,
                   (select count(*) from mdt_decision d where d.meeting_id = m.id) as decisions
            from mdt_meeting m
            """
                + where
                + " order by m.meeting_date desc, m.planned_at desc")
        .params(params)
        .query(
            (rs, n) ->
                new MeetingSummary(
                    new Meeting(
                        rs.getObject("id", UUID.class),
                        rs.getObject("meeting_date", LocalDate.class),
                        rs.getString("team"),
                        rs.getString("organisation"),
                        Arrays.asList((String[]) rs.getArray("pathways").getArray()),
                        instant(rs, "planned_at"),
                        rs.getString("planned_by")),
                    rs.getInt("patients"),
                    rs.getInt("decisions")))
        .list();
  }

  /** Puts a pathway on the agenda, unless it is there (or was removed from it) already. */
  boolean addItem(
      UUID meeting, UUID pathway, String patient, boolean proposed, Instant at, String by) {
    return jdbc.sql(
                """
            insert into mdt_agenda_item (meeting_id, pathway_id, patient, proposed, added_at, added_by)
            values (:meeting, :pathway, :patient, :proposed, :at, :by)
            on conflict (meeting_id, pathway_id) do nothing
            """)
            .param("meeting", meeting)
            .param("pathway", pathway)
            .param("patient", patient)
            .param("proposed", proposed)
            .param("at", utc(at))
            .param("by", by)
            .update()
        > 0;
  }

  void remove(UUID meeting, UUID pathway, Instant at, String by) {
    jdbc.sql(
            """
            update mdt_agenda_item set removed_at = :at, removed_by = :by
            where meeting_id = :meeting and pathway_id = :pathway and removed_at is null
            """)
        .param("meeting", meeting)
        .param("pathway", pathway)
        .param("at", utc(at))
        .param("by", by)
        .update();
  }

  void restore(UUID meeting, UUID pathway, Instant at, String by) {
    jdbc.sql(
            """
            update mdt_agenda_item
            set removed_at = null, removed_by = null, proposed = false, added_at = :at, added_by = :by
            where meeting_id = :meeting and pathway_id = :pathway and removed_at is not null
            """)
        .param("meeting", meeting)
        .param("pathway", pathway)
        .param("at", utc(at))
        .param("by", by)
        .update();
  }

  /** The meeting's agenda items, removed ones included, in the order they were added. */
  List<Item> items(UUID meeting) {
    return jdbc.sql(
            """
            select pathway_id, patient, proposed, added_at, added_by, removed_at, removed_by
            from mdt_agenda_item where meeting_id = :meeting order by added_at, pathway_id
            """)
        .param("meeting", meeting)
        .query(
            (rs, n) ->
                new Item(
                    rs.getObject("pathway_id", UUID.class),
                    rs.getString("patient"),
                    rs.getBoolean("proposed"),
                    instant(rs, "added_at"),
                    rs.getString("added_by"),
                    nullableInstant(rs, "removed_at"),
                    rs.getString("removed_by")))
        .list();
  }

  Optional<Item> item(UUID meeting, UUID pathway) {
    return items(meeting).stream().filter(i -> i.pathway().equals(pathway)).findFirst();
  }

  void insertDecision(
      UUID meeting, UUID pathway, Decision decision, CodeOutcome code, Instant at, String by) {
    jdbc.sql(
            """
            insert into mdt_decision (meeting_id, pathway_id, outcome, intention, discussed_on,
                registration_id, refusal, refusal_args, recorded_at, recorded_by)
            values (:meeting, :pathway, :outcome, :intention, :discussedOn, :registration, :refusal,
                :args, :at, :by)
            """)
        .param("meeting", meeting)
        .param("pathway", pathway)
        .param("outcome", decision.outcome())
        .param("intention", decision.intention().name())
        .param("discussedOn", decision.discussedOn())
        .param("registration", code.registration())
        .param("refusal", refusal(code))
        .param("args", refusalArgs(code))
        .param("at", utc(at))
        .param("by", by)
        .update();
  }

  void insertConversation(
      UUID meeting, UUID pathway, LocalDate discussedOn, CodeOutcome code, Instant at, String by) {
    jdbc.sql(
            """
            insert into mdt_conversation (meeting_id, pathway_id, discussed_on, registration_id,
                refusal, refusal_args, recorded_at, recorded_by)
            values (:meeting, :pathway, :discussedOn, :registration, :refusal, :args, :at, :by)
            """)
        .param("meeting", meeting)
        .param("pathway", pathway)
        .param("discussedOn", discussedOn)
        .param("registration", code.registration())
        .param("refusal", refusal(code))
        .param("args", refusalArgs(code))
        .param("at", utc(at))
        .param("by", by)
        .update();
  }

  /** The decisions recorded in a meeting, by pathway. */
  Map<UUID, StoredDecision> decisions(UUID meeting) {
    var decisions = new LinkedHashMap<UUID, StoredDecision>();
    jdbc.sql(
            """
            select d.pathway_id, d.outcome, d.intention, d.discussed_on, d.registration_id,
                   d.refusal, d.refusal_args, d.recorded_at, d.recorded_by,
                   c.discussed_on as c_discussed_on, c.registration_id as c_registration_id,
                   c.refusal as c_refusal, c.refusal_args as c_refusal_args,
                   c.recorded_at as c_recorded_at, c.recorded_by as c_recorded_by
            from mdt_decision d
            left join mdt_conversation c
              on c.meeting_id = d.meeting_id and c.pathway_id = d.pathway_id
            where d.meeting_id = :meeting
            order by d.recorded_at
            """)
        .param("meeting", meeting)
        .query(
            (rs, n) -> {
              var conversationOn = rs.getObject("c_discussed_on", LocalDate.class);
              var conversation =
                  conversationOn == null
                      ? null
                      : new Conversation(
                          conversationOn,
                          codeOutcome(rs, "c_registration_id", "c_refusal", "c_refusal_args"),
                          instant(rs, "c_recorded_at"),
                          rs.getString("c_recorded_by"));
              var decision =
                  new StoredDecision(
                      rs.getObject("pathway_id", UUID.class),
                      new Decision(
                          rs.getString("outcome"),
                          TreatmentIntention.valueOf(rs.getString("intention")),
                          rs.getObject("discussed_on", LocalDate.class)),
                      codeOutcome(rs, "registration_id", "refusal", "refusal_args"),
                      instant(rs, "recorded_at"),
                      rs.getString("recorded_by"),
                      conversation);
              decisions.put(decision.pathway(), decision);
              return decision;
            })
        .list();
    return decisions;
  }

  private static CodeOutcome codeOutcome(
      ResultSet rs, String registration, String refusal, String args) throws SQLException {
    var reason = rs.getString(refusal);
    var text = rs.getString(args);
    return new CodeOutcome(
        rs.getObject(registration, UUID.class),
        reason == null
            ? null
            : new Rejection(
                Rejection.Reason.valueOf(reason),
                text == null || text.isEmpty() ? List.of() : List.of(text.split("\n", -1))));
  }

  private static @Nullable String refusal(CodeOutcome code) {
    return code.refusal() == null ? null : code.refusal().reason().name();
  }

  private static @Nullable String refusalArgs(CodeOutcome code) {
    return code.refusal() == null ? null : String.join("\n", code.refusal().args());
  }

  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, OffsetDateTime.class).toInstant();
  }

  private static @Nullable Instant nullableInstant(ResultSet rs, String column)
      throws SQLException {
    var time = rs.getObject(column, OffsetDateTime.class);
    return time == null ? null : time.toInstant();
  }
}
