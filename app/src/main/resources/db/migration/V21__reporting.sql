-- The statistics' read model: what the indicators are computed from, in SQL, without loading
-- pathways into memory. Kept in step with the pathways' changes (rewritten in the transaction of
-- each change, rebuilt from the pathways when missing), so every number agrees with the pathway
-- engine and its lead-time measurement.

-- One row per pathway instance: who (birth date and sex read from the identity number, for the
-- patient-group filters), where, and the dates of its milestones as they stand (registered codes
-- only; the earliest of each kind, the decision and treatment with their codes).
create table report_pathway (
    pathway_id         uuid primary key references pathway (id),
    patient            text        not null,
    organisation       text        not null,
    pathway            text        not null,
    code_prefix        text,
    kind               text        not null,
    birth_date         date,
    sex                text check (sex in ('FEMALE', 'MALE')),
    state              text        not null,
    open               boolean     not null,
    start_date         date,
    first_attendance   date,
    decision_date      date,
    decision_code      text,
    treatment_date     date,
    treatment_code     text,
    transferred_on     date,
    ended_on           date,
    problem            text,
    proposals          int         not null,
    disagreement       boolean     not null,
    updated_at         timestamptz not null
);

create index report_pathway_org on report_pathway (organisation, pathway);
create index report_pathway_start on report_pathway (start_date);

-- One row per code as it stands (registered or proposed), and how it came about: AUTOMATIC
-- (derived and registered by a rule), CONFIRMED (derived, proposed, confirmed by a person) or
-- MANUAL (typed or corrected by a person).
create table report_code (
    registration_id    uuid primary key,
    pathway_id         uuid        not null references pathway (id),
    organisation       text        not null,
    pathway            text        not null,
    code               text,
    code_key           text        not null,
    milestone          text        not null,
    code_date          date        not null,
    state              text        not null check (state in ('REGISTERED', 'PROPOSED')),
    origin             text        not null check (origin in ('AUTOMATIC', 'CONFIRMED', 'MANUAL')),
    rule_id            text,
    ruleset_version    text
);

create index report_code_pathway on report_code (pathway_id);
create index report_code_org_date on report_code (organisation, code_date);

-- One row per measured interval (OF1–OF4 per treatment type, the mental-health intervals, each
-- repetition of a repeating one), as the lead-time engine measured it with the norm in force on
-- its start date. Finished intervals carry days and MET / BREACHED / UNKNOWN_NORM; running ones
-- carry the due date (whether they are overdue depends on the day the statistics are read).
create table report_interval (
    id                 bigint generated always as identity primary key,
    pathway_id         uuid        not null references pathway (id),
    organisation       text        not null,
    pathway            text        not null,
    indicator          text        not null,
    treatment          text,
    from_date          date        not null,
    to_date            date,
    days               int,
    standard_days      int,
    day_type           text        not null,
    due_date           date,
    status             text        not null,
    unverified_standard_days int,
    patient_delayed    boolean     not null,
    catalogue_version  text        not null
);

create index report_interval_pathway on report_interval (pathway_id);
create index report_interval_measure on report_interval (indicator, to_date);
create index report_interval_org on report_interval (organisation, pathway, to_date);
