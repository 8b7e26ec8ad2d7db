-- Monthly pre-aggregates of the statistics' read model (issue 15 item 2, ADR 0031): the indicators
-- of any period of whole months are summed from here instead of counted over report_*; the days
-- of finished intervals are kept as a histogram (one row per number of days), so the medians and
-- percentiles stay exact. Kept in step by ReportingProjection.write (MonthlyAggregates): every
-- change inserts the net difference of its pathways' rows as delta rows (folded = false), never
-- updating a shared row, so concurrent writers neither wait for each other nor deadlock; a
-- periodic compaction (one at a time, an advisory lock) folds the deltas into one row per key
-- (folded = true). Readers sum both.
--
-- One row per key:
--   grain      which dimensions the row keeps: 0 none (every unit), 1 the unit, 2 unit and
--              pathway (the others are ''); sex and age band are kept for a later grain and
--              are '' now: a patient group is counted over report_* (ADR 0031)
--   month      the first day of the month of the event's date
--   measure    STARTED, DECIDED, TREATED, CLOSED, TRANSFERRED (report_pathway's dates),
--              LEFT_WORK_UP (the day from which a started pathway is no longer in work-up),
--              OVERDUE (a running interval of an open pathway: the first day it counts as overdue),
--              CODE (a registered code by its date; status = its origin),
--              END or START (a finished interval by its end or start date, as the setting
--              forlop.reporting.interval-period places it, recorded in report_month_state: a
--              changed setting refills; with indicator, treatment, status, patient delay and days)
--   ''         stands for "none" in every text column (no treatment type, no sex, no age band);
--   days       -2147483648 stands for no number of days
create table report_month (
    grain        smallint not null,
    month        date     not null,
    organisation text     not null,
    pathway      text     not null,
    sex          text     not null,
    age_band     text     not null,
    measure      text     not null,
    indicator    text     not null,
    treatment    text     not null,
    status       text     not null,
    delayed      boolean  not null,
    days         int      not null,
    n            bigint   not null,
    folded       boolean  not null
);

-- one folded row per key (what the compaction matches the deltas against)
create unique index report_month_key on report_month (grain, month, organisation, pathway, sex,
    age_band, measure, indicator, treatment, status, delayed, days) where folded;
-- the deltas still to fold
create index report_month_delta on report_month (grain, month) where not folded;
-- what the indicators read: one grain's measures over a range of months
create index report_month_read on report_month (grain, measure, month);

-- Whether report_month holds report_*'s sums: false until the application has filled it set-based
-- at start-up (MonthlyAggregates.fillIfNeeded). A migration that empties report_* (as V36 did, to
-- have the read model rebuilt) must set it to false again.
create table report_month_state (
    id     int primary key check (id = 1),
    filled boolean not null,
    anchor text    not null
);
insert into report_month_state values (1, false, 'END');

-- Data quality is read live (it counts the pathways overlapping the period, which no monthly sum
-- gives): only the pathways with something to count, from this index alone.
create index report_pathway_quality on report_pathway (start_date)
    include (ended_on, organisation, pathway, sex, birth_date, problem, first_attendance,
        decision_date, treatment_date, proposals, disagreement)
    where problem is not null
       or (start_date is null and (first_attendance is not null or decision_date is not null
           or treatment_date is not null or ended_on is not null))
       or (first_attendance is null and decision_date is not null)
       or proposals > 0
       or disagreement;

-- "In work-up" and the partial months at a period's ends read these dates of report_pathway.
create index report_pathway_decision on report_pathway (decision_date);
create index report_pathway_treatment on report_pathway (treatment_date);
create index report_pathway_ended on report_pathway (ended_on);
create index report_pathway_transferred on report_pathway (transferred_on);
create index report_pathway_left_work_up on report_pathway ((greatest(start_date,
    least(decision_date, treatment_date, ended_on, transferred_on))))
    where start_date is not null
      and least(decision_date, treatment_date, ended_on, transferred_on) is not null;
-- the partial months at the ends, by the start day (interval-period START)
create index report_interval_started on report_interval (from_date)
    include (organisation, pathway, pathway_id, indicator, treatment, status, patient_delayed, days)
    where to_date is not null;
-- overdue from its first overdue day
create index report_interval_overdue on report_interval ((greatest(due_date + 1, from_date)))
    include (pathway_id, organisation, pathway, indicator, treatment)
    where to_date is null and due_date is not null;
