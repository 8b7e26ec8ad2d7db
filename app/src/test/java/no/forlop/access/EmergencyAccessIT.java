package no.forlop.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;
import no.forlop.audit.AuditAction;
import no.forlop.audit.AuditEntry;
import no.forlop.audit.AuditLog;
import no.forlop.audit.EmergencyAccessReview;
import no.forlop.testing.ApplicationTest;
import no.forlop.testing.TestPatients;
import no.forlop.testing.TestUnits;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Emergency access (nødtilgang) and refused reads through the API, end to end. Today is 2024-12-31
 * 10:00 UTC; an emergency access lasts 4 hours. Fjordby (910000012): kari, ola; Nordvik
 * (910000020): nina; lise leads both.
 */
class EmergencyAccessIT extends ApplicationTest {

  static final String FJORDBY = "910000012";
  static final String NORDVIK = "910000020";
  static final String REASON = "Innlagt akutt hos oss, trenger forløpet";

  @Autowired AuditLog audit;
  @Autowired JdbcClient jdbc;
  @Autowired EmergencyAccessReview review;

  record Opened(String id, String patient) {}

  private Opened openAt(String organisation) {
    var patient = TestPatients.next();
    var response =
        post(
            "/api/v1/pathways",
            """
            {"patient": "%s", "pathway": "colorectal", "organisation": "%s"}
            """
                .formatted(patient, organisation));
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return new Opened(response.json().get("id").asString(), patient);
  }

  private Response ask(String pathway, String body, String user) {
    return post("/api/v1/pathways/" + pathway + "/emergency-access", body, AS, user);
  }

  private static String request(String kind, String reason) {
    return """
        {"kind": "%s", "reason": "%s"}
        """
        .formatted(kind, reason);
  }

  private java.util.List<AuditEntry> trail(String patient) {
    return audit.forPatient(patient);
  }

  @Test
  void a_read_in_the_users_unit_is_audited_as_read() {
    var fjordby = openAt(FJORDBY);
    assertThat(get("/api/v1/pathways/" + fjordby.id(), AS, "kari").status()).isEqualTo(200);
    assertThat(trail(fjordby.patient()))
        .anySatisfy(
            e -> {
              assertThat(e.actor()).isEqualTo("kari");
              assertThat(e.action()).isEqualTo(AuditAction.READ);
            })
        .noneSatisfy(e -> assertThat(e.action()).isEqualTo(AuditAction.REFUSED));
  }

  @Test
  void a_read_refused_outside_the_users_units_stays_in_the_patients_audit_trail() {
    var fjordby = openAt(FJORDBY);
    var refused = get("/api/v1/pathways/" + fjordby.id(), AS, "nina");
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.reason()).isEqualTo("OUTSIDE_UNITS");
    var change =
        post(
            "/api/v1/pathways/" + fjordby.id() + "/codes",
            """
            {"code": "START", "date": "2024-12-02"}
            """,
            AS,
            "nina");
    assertThat(change.status()).isEqualTo(403);
    var ninas = trail(fjordby.patient()).stream().filter(e -> e.actor().equals("nina")).toList();
    assertThat(ninas)
        .extracting(AuditEntry::action, AuditEntry::resource, AuditEntry::details)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                AuditAction.REFUSED, "pathway/" + fjordby.id(), "OUTSIDE_UNITS"),
            org.assertj.core.groups.Tuple.tuple(
                AuditAction.REFUSED, "pathway/" + fjordby.id(), "OUTSIDE_UNITS"));
  }

  @Test
  void opening_a_pathway_at_another_unit_is_refused_and_audited_for_the_patient() {
    var patient = TestPatients.next();
    var refused =
        post(
            "/api/v1/pathways",
            """
            {"patient": "%s", "pathway": "colorectal", "organisation": "%s"}
            """
                .formatted(patient, FJORDBY),
            AS,
            "nina");
    assertThat(refused.status()).isEqualTo(403);
    assertThat(trail(patient))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.action()).isEqualTo(AuditAction.REFUSED);
              assertThat(e.actor()).isEqualTo("nina");
            });
  }

  @Test
  void a_coordinator_given_emergency_access_reads_that_pathway_audited_as_emergency_access() {
    var fjordby = openAt(FJORDBY);
    var granted = ask(fjordby.id(), request("ACUTE_CARE", REASON), "nina");
    assertThat(granted.status()).as(granted.body()).isEqualTo(201);
    assertThat(granted.json().get("expiresAt").asString()).isEqualTo("2024-12-31T14:00:00Z");
    assertThat(granted.json().get("organisation").asString()).isEqualTo(FJORDBY);

    var read = get("/api/v1/pathways/" + fjordby.id(), AS, "nina");
    assertThat(read.status()).isEqualTo(200);

    var ninas = trail(fjordby.patient()).stream().filter(e -> e.actor().equals("nina")).toList();
    assertThat(ninas)
        .extracting(AuditEntry::action)
        .containsExactly(AuditAction.CREATE, AuditAction.READ);
    assertThat(ninas)
        .allSatisfy(e -> assertThat(e.purpose()).isEqualTo(Actor.EMERGENCY_ACCESS_PURPOSE));
    assertThat(ninas.get(0).details()).contains("ACUTE_CARE").contains(REASON);
  }

  @Test
  void an_emergency_access_reads_only_and_does_not_grow_the_lists() {
    var fjordby = openAt(FJORDBY);
    assertThat(ask(fjordby.id(), request("OTHER", REASON), "nina").status()).isEqualTo(201);
    var register =
        post(
            "/api/v1/pathways/" + fjordby.id() + "/codes",
            """
            {"code": "START", "date": "2024-12-02"}
            """,
            AS,
            "nina");
    assertThat(register.status()).isEqualTo(403);
    var list = pathwaysOf(fjordby.patient(), AS, "nina");
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.json().size()).isZero();
    var unit = get("/api/v1/pathways?organisation=" + FJORDBY, AS, "nina");
    assertThat(unit.status()).isEqualTo(403);
  }

  @Test
  void an_emergency_access_opens_only_its_own_patient() {
    var first = openAt(FJORDBY);
    var second = openAt(FJORDBY);
    assertThat(ask(first.id(), request("ACUTE_CARE", REASON), "nina").status()).isEqualTo(201);
    assertThat(get("/api/v1/pathways/" + second.id(), AS, "nina").status()).isEqualTo(403);
  }

  @Test
  void an_expired_emergency_access_is_refused_and_one_a_moment_from_expiry_is_not() {
    var expired = openAt(NORDVIK);
    var lasting = openAt(NORDVIK);
    var now = Instant.parse("2024-12-31T10:00:00Z");
    insertGrant("ola", expired, now.minusSeconds(4 * 3600), now); // ended exactly now
    insertGrant("ola", lasting, now.minusSeconds(4 * 3600), now.plusMillis(1));
    assertThat(get("/api/v1/pathways/" + expired.id(), AS, "ola").status()).isEqualTo(403);
    assertThat(get("/api/v1/pathways/" + lasting.id(), AS, "ola").status()).isEqualTo(200);
  }

  private void insertGrant(String actor, Opened pathway, Instant from, Instant until) {
    jdbc.sql(
            """
            insert into emergency_access
              (id, actor, patient, organisation, pathway_id, kind, reason, granted_at, expires_at)
            values (:id, :actor, :patient, :org, :pathway, 'OTHER', :reason, :from, :until)
            """)
        .param("id", UUID.randomUUID())
        .param("actor", actor)
        .param("patient", pathway.patient())
        .param("org", NORDVIK)
        .param("pathway", UUID.fromString(pathway.id()))
        .param("reason", REASON)
        .param("from", OffsetDateTime.ofInstant(from, ZoneOffset.UTC))
        .param("until", OffsetDateTime.ofInstant(until, ZoneOffset.UTC))
        .update();
  }

  @Test
  void a_reason_is_required_and_length_limited() {
    var fjordby = openAt(FJORDBY);
    var missing = ask(fjordby.id(), "{}", "nina");
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.reason()).isEqualTo("REASON_REQUIRED");
    assertThat(missing.text()).isEqualTo("Skriv en begrunnelse for nødtilgangen.");
    var empty = post("/api/v1/pathways/" + fjordby.id() + "/emergency-access", "", AS, "nina");
    assertThat(empty.status()).isEqualTo(400);
    var shortOne = ask(fjordby.id(), request("OTHER", "123456789"), "nina");
    assertThat(shortOne.status()).isEqualTo(400);
    assertThat(shortOne.reason()).isEqualTo("REASON_TOO_SHORT");
    var longest = ask(fjordby.id(), request("OTHER", "x".repeat(501)), "nina");
    assertThat(longest.status()).isEqualTo(400);
    assertThat(longest.reason()).isEqualTo("REASON_TOO_LONG");
    assertThat(longest.text()).contains("500");
    var kind = ask(fjordby.id(), request("PANIC", REASON), "nina");
    assertThat(kind.status()).isEqualTo(400);
    assertThat(kind.reason()).isEqualTo("KIND_UNKNOWN");
    // nothing was given
    assertThat(get("/api/v1/pathways/" + fjordby.id(), AS, "nina").status()).isEqualTo(403);
    assertThat(ask(fjordby.id(), request("OTHER", "x".repeat(500)), "nina").status())
        .isEqualTo(201);
  }

  @Test
  void only_coordinators_and_clinicians_may_ask_and_not_for_their_own_units() {
    var nordvik = openAt(NORDVIK);
    assertThat(ask(nordvik.id(), request("OTHER", REASON), "lise").status()).isEqualTo(403);
    assertThat(ask(nordvik.id(), request("OTHER", REASON), "ehr").status()).isEqualTo(403);
    assertThat(ask(nordvik.id(), request("OTHER", REASON), "ola").status()).isEqualTo(201);
    var own = ask(nordvik.id(), request("OTHER", REASON), "nina");
    assertThat(own.status()).isEqualTo(409);
    assertThat(own.reason()).isEqualTo("EMERGENCY_ACCESS_NOT_NEEDED");
    var none = ask(UUID.randomUUID().toString(), request("OTHER", REASON), "nina");
    assertThat(none.status()).isEqualTo(404);
  }

  @Test
  void a_leader_of_the_patients_unit_lists_and_reviews_the_emergency_accesses() {
    var fjordby = openAt(FJORDBY);
    var grant =
        ask(fjordby.id(), request("ACUTE_CARE", REASON), "nina").json().get("id").asString();

    var list = get("/api/v1/emergency-access", AS, "lise");
    assertThat(list.status()).isEqualTo(200);
    var entry =
        java.util.stream.StreamSupport.stream(list.json().spliterator(), false)
            .filter(e -> e.get("id").asString().equals(grant))
            .findFirst()
            .orElseThrow();
    assertThat(entry.get("actor").asString()).isEqualTo("nina");
    assertThat(entry.get("patient").asString()).isEqualTo(fjordby.patient());
    assertThat(entry.get("pathway").asString()).isEqualTo(fjordby.id());
    assertThat(entry.get("reason").asString()).isEqualTo(REASON);
    assertThat(entry.get("expiresAt").asString()).isEqualTo("2024-12-31T14:00:00Z");
    assertThat(entry.get("active").asBoolean()).isTrue();
    assertThat(trail(fjordby.patient()))
        .anySatisfy(
            e -> {
              assertThat(e.actor()).isEqualTo("lise");
              assertThat(e.resource()).isEqualTo("emergency-access");
            });

    var path = "/api/v1/emergency-access/" + grant + "/review";
    var noComment = post(path, "{}", AS, "lise");
    assertThat(noComment.status()).isEqualTo(400);
    assertThat(noComment.reason()).isEqualTo("EMERGENCY_REVIEW_COMMENT_REQUIRED");
    var tooLong = post(path, "{\"comment\": \"%s\"}".formatted("x".repeat(501)), AS, "lise");
    assertThat(tooLong.status()).isEqualTo(400);
    var reviewed = post(path, "{\"comment\": \"Begrunnet, i orden\"}", AS, "lise");
    assertThat(reviewed.status()).as(reviewed.body()).isEqualTo(200);
    assertThat(reviewed.json().get("reviewedBy").asString()).isEqualTo("lise");
    assertThat(reviewed.json().get("reviewComment").asString()).isEqualTo("Begrunnet, i orden");
    var again = post(path, "{\"comment\": \"igjen\"}", AS, "lise");
    assertThat(again.status()).isEqualTo(409);
    var unknown =
        post(
            "/api/v1/emergency-access/" + UUID.randomUUID() + "/review",
            "{\"comment\": \"x\"}",
            AS,
            "lise");
    assertThat(unknown.status()).isEqualTo(404);
  }

  @Test
  void the_review_list_holds_only_the_reviewers_units_and_only_leaders_and_administrators_see_it() {
    var fjordby = openAt(FJORDBY);
    var nordvik = openAt(NORDVIK);
    var atFjordby =
        UUID.fromString(
            ask(fjordby.id(), request("OTHER", REASON), "nina").json().get("id").asString());
    var atNordvik =
        UUID.fromString(
            ask(nordvik.id(), request("OTHER", REASON), "kari").json().get("id").asString());

    var nordvikLeader = new Actor("leader-nordvik", "QUALITY_ASSURANCE", Set.of(NORDVIK));
    assertThat(review.list(nordvikLeader))
        .extracting(EmergencyGrant::id)
        .contains(atNordvik)
        .doesNotContain(atFjordby);
    var refused =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            EmergencyAccessReview.ReviewRefusedException.class,
            () -> review.review(atFjordby, "ikke min enhet", nordvikLeader));
    assertThat(refused.problem()).isEqualTo(EmergencyAccessReview.Problem.OUTSIDE_UNITS);

    assertThat(get("/api/v1/emergency-access", AS, "kari").status()).isEqualTo(403);
    assertThat(get("/api/v1/emergency-access", AS, "ola").status()).isEqualTo(403);
    assertThat(get("/api/v1/emergency-access", AS, "ehr").status()).isEqualTo(403);
    assertThat(get("/api/v1/emergency-access", AS, "admin").status()).isEqualTo(200);
  }

  /** An emergency access to a patient of this unit, granted at this moment, for four hours. */
  private UUID insertGrantAt(String organisation, String patient, Instant at, String reason) {
    var id = UUID.randomUUID();
    jdbc.sql(
            """
            insert into emergency_access
              (id, actor, patient, organisation, pathway_id, kind, reason, granted_at, expires_at)
            values (:id, 'nina', :patient, :org, :pathway, 'OTHER', :reason, :from, :until)
            """)
        .param("id", id)
        .param("patient", patient)
        .param("org", organisation)
        .param("pathway", UUID.randomUUID())
        .param("reason", reason)
        .param("from", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
        .param("until", OffsetDateTime.ofInstant(at.plusSeconds(4 * 3600), ZoneOffset.UTC))
        .update();
    return id;
  }

  @Test
  void the_review_list_comes_a_page_at_a_time_newest_first_and_a_page_past_the_last_is_the_last() {
    var unit = TestUnits.next();
    var patients = new java.util.ArrayList<String>();
    for (int i = 0; i <= 50; i++) { // 51 accesses: one more than a page
      patients.add(TestPatients.next());
      insertGrantAt(
          unit,
          patients.get(i),
          Instant.parse("2024-12-01T08:00:00Z").plusSeconds(60L * i),
          "Sidetest %02d".formatted(i));
    }
    var reviewer = new Actor("leader-test-unit", "QUALITY_ASSURANCE", Set.of(unit));

    var first = review.list(reviewer, 0, 50);
    assertThat(first.total()).isEqualTo(51);
    assertThat(first.pages()).isEqualTo(2);
    assertThat(first.grants()).hasSize(50);
    assertThat(first.grants().get(0).reason()).as("newest first").isEqualTo("Sidetest 50");
    assertThat(first.grants().get(49).reason()).isEqualTo("Sidetest 01");

    var second = review.list(reviewer, 1, 50);
    assertThat(second.page()).isEqualTo(1);
    assertThat(second.grants()).extracting(EmergencyGrant::reason).containsExactly("Sidetest 00");
    assertThat(trail(patients.get(0)))
        .as("the patient on page 2 is read when page 2 is shown")
        .anyMatch(e -> e.actor().equals("leader-test-unit"));
    assertThat(trail(patients.get(1)))
        .as("page 1 was read before, page 2 read nothing of it: one read only")
        .filteredOn(e -> e.actor().equals("leader-test-unit"))
        .hasSize(1);

    assertThat(review.list(reviewer, 7, 50).page()).as("past the last: the last").isEqualTo(1);
    assertThat(review.list(reviewer, 0, 51).pages()).as("51 on a page of 51: one").isEqualTo(1);
    assertThat(review.list(reviewer, 0, 51).grants()).hasSize(51);
  }

  @Test
  void the_review_page_shows_page_2_with_the_next_accesses_and_links_back() {
    // 51 accesses older than any other test's, so the leader's list has at least two pages
    var oldest = new java.util.ArrayList<UUID>();
    for (int i = 0; i <= 50; i++) {
      oldest.add(
          insertGrantAt(
              NORDVIK,
              TestPatients.next(),
              Instant.parse("2019-01-01T08:00:00Z").plusSeconds(60L * i),
              "Sidetest %02d".formatted(i)));
    }
    var all = new java.util.ArrayList<String>();
    get("/api/v1/emergency-access", AS, "lise")
        .json()
        .forEach(e -> all.add(e.get("id").asString()));
    assertThat(all.size()).isGreaterThan(50);
    var pages = (all.size() + 49) / 50;
    var session = new FormSession(port);
    session.signIn("lise", "demo");

    var first = session.get("/emergency-access");
    var second = session.get("/emergency-access?page=1");

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(grantIds(first.body())).isEqualTo(all.subList(0, 50));
    assertThat(first.body())
        .contains("id=\"next-page\"", "Side 1 av " + pages)
        .doesNotContain("id=\"previous-page\"");
    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(grantIds(second.body())).isEqualTo(all.subList(50, Math.min(100, all.size())));
    assertThat(second.body())
        .contains(
            "id=\"previous-page\"", "href=\"/emergency-access?page=0\"", "Side 2 av " + pages);
    assertThat(grantIds(session.get("/emergency-access?page=abc").body()))
        .as("a page that is no number is the first")
        .isEqualTo(all.subList(0, 50));
    var last = session.get("/emergency-access?page=99999999999").body();
    assertThat(last).contains("Side " + pages + " av " + pages).doesNotContain("id=\"next-page\"");
    assertThat(grantIds(last)).endsWith(all.get(all.size() - 1));

    // a review posted from the last page goes back to that page, at the grant
    var grant = oldest.get(0);
    assertThat(all.get(all.size() - 1)).isEqualTo(grant.toString());
    var reviewed =
        session.post(
            "/emergency-access/" + grant + "/review",
            last,
            "comment=Gjennomg%C3%A5tt&page=" + (pages - 1));
    assertThat(reviewed.statusCode()).isEqualTo(302);
    assertThat(reviewed.headers().firstValue("Location").orElseThrow())
        .endsWith("/emergency-access?done&page=" + (pages - 1) + "#grant-" + grant);
    assertThat(last)
        .as("the page's review forms say which page they are on")
        .contains("name=\"page\" value=\"" + (pages - 1) + "\"");
    var after = session.get("/emergency-access?page=" + (pages - 1)).body();
    var row = after.substring(after.indexOf("id=\"grant-" + grant + "\""));
    assertThat(row.substring(0, row.indexOf("</tr>")))
        .contains("class=\"reviewed\"", "Gjennomgått")
        .doesNotContain("review-form");
  }

  private static java.util.List<String> grantIds(String page) {
    var ids = new java.util.ArrayList<String>();
    var matcher = java.util.regex.Pattern.compile("<tr id=\"grant-([0-9a-f-]{36})\"").matcher(page);
    while (matcher.find()) {
      ids.add(matcher.group(1));
    }
    return ids;
  }
}
