package no.forlop.coordinator.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import no.forlop.access.Actor;
import no.forlop.pathway.CreatePathway;
import no.forlop.pathway.PathwayId;
import no.forlop.pathway.PathwayService;
import no.forlop.pathway.RegisterCode;
import no.forlop.testing.ApplicationTest;
import no.forlop.testing.TestPatients;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The worklist against the embedded PostgreSQL: today is 2024-12-31; colorectal OF1 is 9 days, the
 * amber threshold 3 days.
 */
class WorklistIT extends ApplicationTest {

  static final Actor KARI = new Actor("kari", "PATIENT_CARE", Set.of("910000012"));
  static final Actor NINA = new Actor("nina", "PATIENT_CARE", Set.of("910000020"));

  @Autowired PathwayService pathways;
  @Autowired Worklist worklist;
  @Autowired no.forlop.ingest.IntakeService intake;

  /**
   * A patient with a name from the EHR, in a colorectal pathway at Fjordby referred on the date.
   */
  private String named(String given, String family, String referred) {
    var patient = TestPatients.next();
    var resource =
        """
        {"resourceType":"Patient","id":"%s","identifier":[{"system":"urn:oid:2.16.578.1.12.4.1.4.1","value":"%s"}],"name":[{"family":"%s","given":["%s"]}]}
        """
            .formatted("n" + patient, patient, family, given);
    intake.receive(
        resource.getBytes(java.nio.charset.StandardCharsets.UTF_8),
        "test",
        new Actor("test", "TEST"),
        false);
    startedFor(patient, "colorectal", "910000012", "A12A " + referred);
    return patient;
  }

  private String started(String pathway, String organisation, String... codesAndDates) {
    return startedFor(TestPatients.next(), pathway, organisation, codesAndDates);
  }

  private String startedFor(
      String patient, String pathway, String organisation, String... codesAndDates) {
    var id =
        pathways.create(CreatePathway.of(patient, pathway, organisation, null), KARI_AND_NINA).id();
    for (var entry : codesAndDates) {
      var parts = entry.split(" ");
      pathways.register(
          id, RegisterCode.manual(parts[0], LocalDate.parse(parts[1])), KARI_AND_NINA);
    }
    return patient;
  }

  static final Actor KARI_AND_NINA =
      new Actor("admin", "PATIENT_CARE", Set.of("910000012", "910000020"));

  private WorklistRow only(String patient, Actor actor) {
    var page = worklist.read(query(patient), actor);
    assertThat(page.rows()).hasSize(1);
    return page.rows().get(0);
  }

  private static WorklistQuery query(String search) {
    return new WorklistQuery(null, null, null, null, search, WorklistQuery.Sort.DUE, 0, 50);
  }

  @Test
  void an_overdue_first_attendance_is_red() {
    // OF1 from 2024-12-20 is due 2024-12-29
    var row = only(started("colorectal", "910000012", "A12A 2024-12-20"), KARI);
    assertThat(row.status()).isEqualTo(Status.RED);
    assertThat(row.dueDate()).isEqualTo(LocalDate.parse("2024-12-29"));
    assertThat(row.daysLeft()).isEqualTo(-2);
    assertThat(row.nextMilestone()).isEqualTo("FIRST_ATTENDANCE");
  }

  @Test
  void a_deadline_within_the_amber_threshold_is_amber_on_both_sides() {
    // due 2025-01-03: 3 days left = amber; due 2025-01-04: 4 days left = green
    var amber = only(started("colorectal", "910000012", "A12A 2024-12-25"), KARI);
    var green = only(started("colorectal", "910000012", "A12A 2024-12-26"), KARI);
    assertThat(amber.daysLeft()).isEqualTo(3);
    assertThat(amber.status()).isEqualTo(Status.AMBER);
    assertThat(green.daysLeft()).isEqualTo(4);
    assertThat(green.status()).isEqualTo(Status.GREEN);
  }

  @Test
  void a_deadline_due_today_is_amber_not_red() {
    var row = only(started("colorectal", "910000012", "A12A 2024-12-22"), KARI);
    assertThat(row.daysLeft()).isZero();
    assertThat(row.status()).isEqualTo(Status.AMBER);
  }

  @Test
  void a_pathway_without_verified_norms_has_no_deadline() {
    var row = only(started("prostate", "910000012", "A16A 2024-12-20"), KARI);
    assertThat(row.status()).isEqualTo(Status.NONE);
    assertThat(row.dueDate()).isNull();
  }

  @Test
  void the_next_deadline_follows_the_codes() {
    var patient = started("colorectal", "910000012", "A12A 2024-12-20", "A12S 2024-12-23");
    var row = only(patient, KARI);
    // OF2 from 2024-12-23 (12 days) is due 2025-01-04, before OF4's 2025-01-24
    assertThat(row.nextMilestone()).isEqualTo("CLINICAL_DECISION");
    assertThat(row.dueDate()).isEqualTo(LocalDate.parse("2025-01-04"));
    assertThat(row.state()).isEqualTo("IN_WORKUP");
  }

  @Test
  void proposals_waiting_are_flagged() {
    var patient = TestPatients.next();
    var id = pathways.create(CreatePathway.of(patient, "thyroid", "910000012", null), KARI).id();
    pathways.register(
        id,
        new RegisterCode(
            "A37A",
            LocalDate.parse("2024-12-27"),
            no.forlop.pathway.CodeState.PROPOSED,
            no.forlop.pathway.Origin.MANUAL,
            null,
            null,
            null,
            null),
        KARI);
    assertThat(only(patient, KARI).proposals()).isEqualTo(1);
  }

  @Test
  void a_closed_pathway_leaves_the_worklist() {
    var patient = started("ovarian", "910000012", "A21A 2024-12-20", "A21X 2024-12-23");
    assertThat(worklist.read(query(patient), KARI).rows()).isEmpty();
  }

  @Test
  void a_transferred_pathway_stays_flagged_for_the_units_inactivity_limit_then_leaves() {
    // Fjordby's limit is 14 days: transferred on 2024-12-17 is still listed on 2024-12-31
    var recent = started("ovarian", "910000012", "A21A 2024-12-02", "A21O 2024-12-17");
    var older = started("ovarian", "910000012", "A21A 2024-12-02", "A21O 2024-12-16");

    var row = only(recent, KARI);
    assertThat(row.transferredOut()).isEqualTo(LocalDate.parse("2024-12-17"));
    assertThat(row.status()).isEqualTo(Status.NONE);
    assertThat(row.inactive()).isFalse();
    assertThat(worklist.read(query(older), KARI).rows()).isEmpty();
  }

  @Test
  void a_patient_transferred_in_is_flagged_at_the_receiving_unit() {
    var patient = TestPatients.next();
    var sender =
        pathways
            .create(CreatePathway.of(patient, "ovarian", "910000012", null), KARI_AND_NINA)
            .id();
    pathways.register(
        sender, RegisterCode.manual("A21A", LocalDate.parse("2024-12-02")), KARI_AND_NINA);
    pathways.register(
        sender, RegisterCode.manual("A21O", LocalDate.parse("2024-12-12")), KARI_AND_NINA);
    var receiver =
        pathways
            .create(CreatePathway.of(patient, "ovarian", "910000020", null), KARI_AND_NINA)
            .id();
    pathways.register(
        receiver, RegisterCode.manual("A21A", LocalDate.parse("2024-12-13")), KARI_AND_NINA);

    assertThat(only(patient, NINA).transferredIn()).isTrue();
  }

  @Test
  void a_user_sees_only_the_pathways_of_her_units() {
    var patient = started("colorectal", "910000012", "A12A 2024-12-20");
    assertThat(worklist.read(query(patient), NINA).rows()).isEmpty();
    assertThat(worklist.read(query(patient), KARI).rows()).hasSize(1);
  }

  @Test
  void the_coordinator_filter_finds_the_assigned_pathways() {
    var patient = started("colorectal", "910000012", "A12A 2024-12-20");
    var id = worklist.read(query(patient), KARI).rows().get(0).pathwayId();
    pathways.assign(new PathwayId(id), "kari", KARI);

    var mine =
        worklist.read(
            new WorklistQuery(null, null, null, "kari", patient, WorklistQuery.Sort.DUE, 0, 50),
            KARI);
    var nobodys =
        worklist.read(
            new WorklistQuery(null, null, null, "-", patient, WorklistQuery.Sort.DUE, 0, 50), KARI);
    assertThat(mine.rows()).hasSize(1);
    assertThat(mine.rows().get(0).coordinator()).isEqualTo("kari");
    assertThat(nobodys.rows()).isEmpty();
  }

  @Test
  void counts_per_status_and_the_status_filter_agree() {
    var page =
        worklist.read(
            new WorklistQuery(null, null, null, null, null, WorklistQuery.Sort.DUE, 0, 10), KARI);
    var red =
        worklist.read(
            new WorklistQuery(null, null, Status.RED, null, null, WorklistQuery.Sort.DUE, 0, 500),
            KARI);
    assertThat(page.total())
        .isEqualTo(page.counts().values().stream().mapToLong(Long::longValue).sum());
    assertThat(red.total()).isEqualTo(page.counts().get(Status.RED));
    assertThat(red.rows()).allMatch(r -> r.status() == Status.RED);
  }

  @Test
  void the_list_shows_initials_and_a_masked_identity_number() {
    var patient = started("colorectal", "910000012", "A12A 2024-12-20");
    var row = only(patient, KARI);
    assertThat(row.patientMasked()).isEqualTo(patient.substring(0, 6) + "*****");
  }

  @Test
  void a_patient_is_found_by_part_of_the_name_and_shown_by_initials() {
    var patient = named("Berit", "Fjelltoppsen", "2024-12-20");
    var page = worklist.read(query("fjelltopp"), KARI);
    assertThat(page.rows()).hasSize(1);
    assertThat(page.rows().get(0).patientInitials()).isEqualTo("B. F.");
    assertThat(page.rows().get(0).patientMasked()).startsWith(patient.substring(0, 6));
    assertThat(worklist.read(query("fjelltopp"), NINA).rows()).isEmpty();
  }

  @Test
  void a_patient_is_found_by_the_initials_the_list_prints() {
    var patient = named("Quentin", "Xylofonsen", "2024-12-20");
    named("Quentin", "Yttersen", "2024-12-20");
    for (var initials : new String[] {"Q. X.", "Q.X.", "QX", "qx"}) {
      var page = worklist.read(query(initials), KARI);
      assertThat(page.rows())
          .as(initials)
          .extracting(WorklistRow::patientInitials)
          .contains("Q. X.");
      assertThat(page.rows())
          .as(initials)
          .extracting(WorklistRow::patientMasked)
          .contains(patient.substring(0, 6) + "*****")
          .allMatch(masked -> !masked.equals("–"));
      assertThat(page.rows()).as(initials).noneMatch(r -> r.patientInitials().equals("Q. Y."));
    }
    assertThat(worklist.read(query("Q. X."), NINA).rows()).isEmpty();
  }

  @Test
  void a_patient_is_found_by_birth_date_as_written_and_by_part_of_the_number() {
    var born = TestPatients.bornOn(LocalDate.of(1923, 10, 17), false);
    startedFor(born, "colorectal", "910000012", "A12A 2024-12-20");
    var nextDay = TestPatients.bornOn(LocalDate.of(1923, 10, 18), false);
    startedFor(nextDay, "colorectal", "910000012", "A12A 2024-12-20");
    var masked = born.substring(0, 6) + "*****";
    for (var text : new String[] {"17.10.1923", "17.10.23", "17101923", born.substring(0, 6)}) {
      var page = worklist.read(query(text), KARI);
      assertThat(page.rows()).as(text).extracting(WorklistRow::patientMasked).contains(masked);
      assertThat(page.rows())
          .as(text)
          .extracting(WorklistRow::patientMasked)
          .doesNotContain(nextDay.substring(0, 6) + "*****");
    }
    // the hidden digits too: part of the number is part of the number
    assertThat(worklist.read(query(born.substring(4, 10)), KARI).rows())
        .extracting(WorklistRow::patientMasked)
        .contains(masked);
    assertThat(worklist.read(query("17.10.1823"), KARI).rows())
        .extracting(WorklistRow::patientMasked)
        .doesNotContain(masked);
  }

  @Test
  void like_wildcards_in_a_search_are_text() {
    named("Per", "Prosentsen", "2024-12-20");
    var withPercent = named("Pål", "100%sen", "2024-12-20");
    named("Unni", "Under_strek", "2024-12-20");
    var percent = worklist.read(query("%"), KARI);
    assertThat(percent.rows())
        .extracting(WorklistRow::patientMasked)
        .containsExactly(withPercent.substring(0, 6) + "*****");
    assertThat(worklist.read(query("_"), KARI).rows())
        .extracting(WorklistRow::patientInitials)
        .containsExactly("U. U.");
    assertThat(worklist.read(query("\\"), KARI).rows()).isEmpty();
    assertThat(worklist.read(query("Pro%sen"), KARI).rows()).isEmpty();
  }

  @Test
  void a_page_past_the_last_shows_the_last() {
    named("Ragnhild", "Sistesiden", "2024-12-20");
    named("Rolf", "Sistesiden", "2024-12-21");
    named("Rut", "Sistesiden", "2024-12-22");
    for (var page : new int[] {1, 2, 5, Integer.MAX_VALUE}) {
      var read =
          worklist.read(
              new WorklistQuery(
                  null, null, null, null, "Sistesiden", WorklistQuery.Sort.DUE, page, 2),
              KARI);
      assertThat(read.query().page()).as("page " + page).isEqualTo(1);
      assertThat(read.rows()).as("page " + page).hasSize(1);
      assertThat(read.pages()).isEqualTo(2);
    }
    var first =
        worklist.read(
            new WorklistQuery(null, null, null, null, "Sistesiden", WorklistQuery.Sort.DUE, 0, 2),
            KARI);
    assertThat(first.query().page()).isZero();
    assertThat(first.rows()).hasSize(2);
    var nothing =
        worklist.read(
            new WorklistQuery(null, null, null, null, "zzzz-nobody", WorklistQuery.Sort.DUE, 3, 2),
            KARI);
    assertThat(nothing.query().page()).isZero();
    assertThat(nothing.rows()).isEmpty();
  }

  @Test
  void the_list_sorts_by_patient_and_pages_through_every_match() {
    named("Cecilie", "Sidesen", "2024-12-20");
    named("Anne", "Sidesen", "2024-12-27");
    named("Bodil", "Sidesen", "2024-12-23");

    var byName =
        worklist.read(
            new WorklistQuery(null, null, null, null, "Sidesen", WorklistQuery.Sort.PATIENT, 0, 50),
            KARI);
    assertThat(byName.rows())
        .extracting(WorklistRow::patientInitials)
        .containsExactly("A. S.", "B. S.", "C. S.");

    // by due date: Cecilie (due 2024-12-29), Bodil (2025-01-01), Anne (2025-01-03)
    var first =
        worklist.read(
            new WorklistQuery(null, null, null, null, "Sidesen", WorklistQuery.Sort.DUE, 0, 2),
            KARI);
    var second =
        worklist.read(
            new WorklistQuery(null, null, null, null, "Sidesen", WorklistQuery.Sort.DUE, 1, 2),
            KARI);
    assertThat(first.total()).isEqualTo(3);
    assertThat(first.pages()).isEqualTo(2);
    assertThat(first.rows())
        .extracting(WorklistRow::patientInitials)
        .containsExactly("C. S.", "B. S.");
    assertThat(second.rows()).extracting(WorklistRow::patientInitials).containsExactly("A. S.");

    var exported =
        worklist.export(
            new WorklistQuery(null, null, null, null, "Sidesen", WorklistQuery.Sort.DUE, 0, 2),
            KARI);
    assertThat(exported)
        .extracting(WorklistRow::patientInitials)
        .hasSize(3)
        .first()
        .isEqualTo("C. S.");
  }

  @Test
  void every_status_filter_shows_only_its_status_and_its_count() {
    started("colorectal", "910000012", "A12A 2024-12-20"); // red
    started("colorectal", "910000012", "A12A 2024-12-25"); // amber
    started("colorectal", "910000012", "A12A 2024-12-30"); // green
    var all =
        worklist.read(
            new WorklistQuery(null, null, null, null, null, WorklistQuery.Sort.DUE, 0, 10), KARI);
    for (var status : Status.values()) {
      var filtered =
          worklist.read(
              new WorklistQuery(null, null, status, null, null, WorklistQuery.Sort.DUE, 0, 500),
              KARI);
      assertThat(filtered.total()).as(status.name()).isEqualTo(all.counts().get(status));
      assertThat(filtered.rows()).as(status.name()).allMatch(r -> r.status() == status);
      if (status != Status.NONE) {
        assertThat(filtered.total()).as(status.name()).isPositive();
      }
    }
  }

  // --- issue 16: the worklist of what needs action (ADR 0035) ---

  @Autowired WorklistVisits visits;
  @Autowired no.forlop.coordinator.pathwaypage.EvaluationPlans evaluationPlans;

  private static WorklistQuery inView(String search, WorklistQuery.View view) {
    return new WorklistQuery(null, null, null, null, search, WorklistQuery.Sort.DUE, 0, 50, view);
  }

  /** The patient's row in the view, or null when the view leaves it out. */
  private WorklistRow inView(String patient, WorklistQuery.View view, Actor actor) {
    var rows = worklist.read(inView(patient, view), actor).rows();
    assertThat(rows).hasSizeLessThanOrEqualTo(1);
    return rows.isEmpty() ? null : rows.get(0);
  }

  @Test
  void the_action_view_and_the_reasons_agree_on_every_row_of_the_unit() {
    started("colorectal", "910000012", "A12A 2024-12-20"); // overdue
    started("colorectal", "910000012", "A12A 2024-12-26"); // green: not action
    started("prostate", "910000012", "A16A 2024-11-01"); // no norm, inactive
    started(
        "colorectal",
        "910000012",
        "A12A 2024-12-01",
        "A12S 2024-12-05",
        "A12CK 2024-12-10",
        "A12FK 2024-12-20"); // treated: complete
    var all =
        worklist.read(
            new WorklistQuery(
                null,
                null,
                null,
                null,
                null,
                WorklistQuery.Sort.DUE,
                0,
                500,
                WorklistQuery.View.ALL),
            KARI);
    var action =
        worklist.read(
            new WorklistQuery(
                null,
                null,
                null,
                null,
                null,
                WorklistQuery.Sort.DUE,
                0,
                500,
                WorklistQuery.View.ACTION),
            KARI);
    assertThat(all.allOpen()).isEqualTo(all.total());
    assertThat(action.needAction()).isEqualTo(action.total()).isEqualTo(all.needAction());
    assertThat(action.allOpen()).isEqualTo(all.total());
    assertThat(action.total()).isPositive().isLessThan(all.total());
    // PostgreSQL's needs_action and NeedsAction.reasons: the same rows
    assertThat(action.rows()).isNotEmpty().allMatch(WorklistRow::needsAction);
    var actionIds = action.rows().stream().map(WorklistRow::pathwayId).toList();
    assertThat(all.rows()).allMatch(r -> r.needsAction() == actionIds.contains(r.pathwayId()));
    assertThat(action.counts().values().stream().mapToLong(Long::longValue).sum())
        .isEqualTo(action.total());
  }

  @Test
  void a_cancer_pathway_whose_treatment_started_is_complete_and_leaves_the_default_view() {
    var treated =
        started(
            "colorectal",
            "910000012",
            "A12A 2024-11-01",
            "A12S 2024-11-05",
            "A12CK 2024-11-10",
            "A12FK 2024-11-20");
    var row = inView(treated, WorklistQuery.View.ALL, KARI);
    assertThat(row.state()).isEqualTo("IN_TREATMENT");
    assertThat(row.expectedMilestone()).isNull();
    assertThat(row.inactive()).isFalse();
    assertThat(row.reasons()).isEmpty();
    assertThat(inView(treated, WorklistQuery.View.ACTION, KARI)).isNull();
  }

  @Test
  void a_cancer_decision_that_permits_no_treatment_is_complete_one_that_does_waits_for_it() {
    var otherDisease =
        started("prostate", "910000012", "A16A 2024-10-01", "A16S 2024-10-05", "A16CA 2024-10-10");
    var decided =
        started("prostate", "910000012", "A16A 2024-10-01", "A16S 2024-10-05", "A16CK 2024-10-10");
    assertThat(inView(otherDisease, WorklistQuery.View.ALL, KARI).expectedMilestone()).isNull();
    assertThat(inView(otherDisease, WorklistQuery.View.ACTION, KARI)).isNull();
    var waiting = inView(decided, WorklistQuery.View.ALL, KARI);
    assertThat(waiting.expectedMilestone()).isEqualTo("TREATMENT_START");
    // prostate has no verified norm: no deadline, so 82 days without a code is inactivity
    assertThat(waiting.reasons()).containsExactly(Reason.INACTIVE);
    assertThat(waiting.inactiveDays()).isEqualTo(82);
  }

  @Test
  void a_mental_health_pathway_decided_without_treatment_waits_for_its_closure() {
    var patient = TestPatients.next();
    var id = pathways.create(CreatePathway.of(patient, "D01", "910000012", null), KARI).id();
    pathways.register(
        id, RegisterCode.manual("PATHWAY_START", LocalDate.parse("2024-11-01")), KARI);
    pathways.register(
        id, RegisterCode.manual("FIRST_ATTENDANCE", LocalDate.parse("2024-11-05")), KARI);
    pathways.register(id, RegisterCode.manual("CI", LocalDate.parse("2024-11-20")), KARI);
    var row = inView(patient, WorklistQuery.View.ACTION, KARI);
    assertThat(row.expectedMilestone()).isEqualTo("PATHWAY_END");
    assertThat(row.shownMilestone()).isEqualTo("PATHWAY_END");
    assertThat(row.reasons()).containsExactly(Reason.INACTIVE);
    assertThat(row.inactiveDays()).isEqualTo(41);
  }

  @Test
  void inactivity_is_action_one_day_past_the_units_limit_not_at_it() {
    // Fjordby's limit is 14 days; prostate's first attendance has no verified norm
    var atLimit = started("prostate", "910000012", "A16A 2024-12-17");
    var beyond = started("prostate", "910000012", "A16A 2024-12-16");
    var quiet = inView(atLimit, WorklistQuery.View.ALL, KARI);
    assertThat(quiet.status()).isEqualTo(Status.NONE);
    assertThat(quiet.reasons()).isEmpty();
    assertThat(quiet.elapsedDays()).isEqualTo(14);
    assertThat(inView(atLimit, WorklistQuery.View.ACTION, KARI)).isNull();
    var inactive = inView(beyond, WorklistQuery.View.ACTION, KARI);
    assertThat(inactive.reasons()).containsExactly(Reason.INACTIVE);
    assertThat(inactive.inactive()).isTrue();
    assertThat(inactive.elapsedDays()).isEqualTo(15);
  }

  @Test
  void a_deadline_within_the_threshold_is_action_one_day_beyond_is_not() {
    // due 2025-01-03: 3 days left; due 2025-01-04: 4 days left
    var soon = started("colorectal", "910000012", "A12A 2024-12-25");
    var later = started("colorectal", "910000012", "A12A 2024-12-26");
    assertThat(inView(soon, WorklistQuery.View.ACTION, KARI).reasons())
        .containsExactly(Reason.DUE_SOON);
    assertThat(inView(later, WorklistQuery.View.ACTION, KARI)).isNull();
    assertThat(inView(later, WorklistQuery.View.ALL, KARI).status()).isEqualTo(Status.GREEN);
  }

  @Test
  void an_evaluation_planned_by_its_deadline_leaves_the_default_view() {
    // TSB: first evaluation within 7 days of the decision, due 2025-01-02
    var patient = TestPatients.next();
    var id = pathways.create(CreatePathway.of(patient, "D01", "910000012", null), KARI).id();
    pathways.register(
        id, RegisterCode.manual("PATHWAY_START", LocalDate.parse("2024-12-10")), KARI);
    pathways.register(
        id, RegisterCode.manual("FIRST_ATTENDANCE", LocalDate.parse("2024-12-16")), KARI);
    pathways.register(id, RegisterCode.manual("CT", LocalDate.parse("2024-12-26")), KARI);
    var due = inView(patient, WorklistQuery.View.ACTION, KARI);
    assertThat(due.dueDate()).isEqualTo(LocalDate.parse("2025-01-02"));
    assertThat(due.reasons()).containsExactly(Reason.EVALUATION_DUE);

    evaluationPlans.plan(id.value(), LocalDate.parse("2025-01-03"), KARI);
    assertThat(inView(patient, WorklistQuery.View.ACTION, KARI).reasons())
        .containsExactly(Reason.EVALUATION_DUE);
    evaluationPlans.plan(id.value(), LocalDate.parse("2025-01-02"), KARI);
    assertThat(inView(patient, WorklistQuery.View.ACTION, KARI)).isNull();
    assertThat(inView(patient, WorklistQuery.View.ALL, KARI).plannedEvaluation())
        .isEqualTo(LocalDate.parse("2025-01-02"));
  }

  @Test
  void a_step_without_a_norm_shows_the_units_usual_time_once_there_are_enough_to_compare() {
    // Nordvik, ovarian (no verified first-attendance norm): first attendances after 6 days
    var waiting = TestPatients.next();
    startedFor(waiting, "ovarian", "910000020", "A21A 2024-12-21");
    var before = inView(waiting, WorklistQuery.View.ALL, NINA);
    assertThat(before.dueDate()).isNull();
    assertThat(before.elapsedDays()).isEqualTo(10);
    for (int i = 0; i < Worklist.USUAL_MINIMUM + 2; i++) {
      started(
          "ovarian",
          "910000020",
          "A21A 2024-11-%02d".formatted(i + 1),
          "A21S 2024-11-%02d".formatted(i + 7));
    }
    var after = inView(waiting, WorklistQuery.View.ALL, NINA);
    assertThat(after.usualDays()).isNotNull().isBetween(1, 30);
  }

  @Test
  void a_visit_is_remembered_per_user_and_the_first_one_looks_back_a_week() {
    var user = "visitor-" + TestPatients.next();
    var first = visits.visit(user);
    assertThat(first.first()).isTrue();
    assertThat(first.since()).isEqualTo(java.time.Instant.parse("2024-12-24T10:00:00Z"));
    var second = visits.visit(user);
    assertThat(second.first()).isFalse();
    assertThat(second.since()).isEqualTo(java.time.Instant.parse("2024-12-31T10:00:00Z"));
  }

  @Test
  void what_changed_since_the_last_visit_counts_new_proposals_and_deadlines_passed_since() {
    // a proposal made now (the fixed clock); a deadline of 2024-12-29 (passed on the 30th)
    var patient = TestPatients.next();
    var id = pathways.create(CreatePathway.of(patient, "thyroid", "910000012", null), KARI).id();
    pathways.register(
        id,
        new RegisterCode(
            "A37A",
            LocalDate.parse("2024-12-27"),
            no.forlop.pathway.CodeState.PROPOSED,
            no.forlop.pathway.Origin.MANUAL,
            null,
            null,
            null,
            null),
        KARI);
    started("colorectal", "910000012", "A12A 2024-12-20");

    var now = java.time.Instant.parse("2024-12-31T10:00:00Z");
    var before = worklist.changesSince(now.minusSeconds(3600), KARI);
    var after = worklist.changesSince(now.plusSeconds(1), KARI);
    assertThat(before.proposals()).isPositive();
    assertThat(after.proposals()).isZero();
    // 29 December in Oslo: the deadline of the 29th passed since; from the 30th it had passed
    var on29th = worklist.changesSince(java.time.Instant.parse("2024-12-29T08:00:00Z"), KARI);
    var on30th = worklist.changesSince(java.time.Instant.parse("2024-12-30T08:00:00Z"), KARI);
    assertThat(on29th.overdue()).isGreaterThan(on30th.overdue());
  }
}
