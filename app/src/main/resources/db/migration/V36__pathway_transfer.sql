-- A transfer between health trusts in one pathway (issue 13, item 3; ADR 0021): the sender's
-- instance (it carries the O) and the instance the receiving trust opened for the same patient and
-- pathway. Set by the derivation (rule TRANSFER-SENT finds the receiver's instance of the same
-- pathway started on or after the day the referral was sent); replaced, like the tracked
-- milestones, every time the patient's codes are derived again. One sender has at most one
-- receiver and one receiver one sender, so the links make chains: first trust → … → treating trust.
create table pathway_transfer (
    to_pathway     uuid        primary key references pathway (id),
    from_pathway   uuid        not null unique references pathway (id),
    transferred_on date        not null,
    rule_id        text        not null,
    derived_at     timestamptz not null,
    check (from_pathway <> to_pathway)
);

-- The statistics' patient-level lead times (docs/indicators.md): one row set per chain of linked
-- instances, keyed by the chain's last instance, measured as NPR measures a pathway across trusts
-- (the first trust's A to the treating trust's F). A chain of one instance is the instance itself.
create table report_patient_interval (
    id                    bigint generated always as identity primary key,
    pathway_id            uuid        not null references pathway (id),
    first_pathway_id      uuid        not null references pathway (id),
    first_organisation    text        not null,
    treating_organisation text,
    last_organisation     text        not null,
    pathway               text        not null,
    instances             int         not null,
    indicator             text        not null,
    treatment             text,
    from_date             date        not null,
    to_date               date,
    days                  int,
    standard_days         int,
    day_type              text        not null,
    due_date              date,
    status                text        not null,
    patient_delayed       boolean     not null,
    catalogue_version     text        not null
);

create index report_patient_interval_pathway on report_patient_interval (pathway_id);
create index report_patient_interval_trusts
    on report_patient_interval (first_organisation, treating_organisation, pathway);

-- The statistics' read model is rebuilt from the pathways at the next start (it is rebuilt when it
-- has fewer rows than there are pathways), so that every existing chain gets its rows.
delete from report_interval;
delete from report_code;
delete from report_pathway;
