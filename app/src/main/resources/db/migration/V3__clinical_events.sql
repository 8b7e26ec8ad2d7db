-- The EHR facts Forløp has received, in Forløp's own terms (ClinicalEvent as JSON), every version
-- kept. The current version of a resource is the one with the highest version id, then the latest
-- lastUpdated, then the latest received. Never updated, never deleted.
create table clinical_event (
    seq           bigint generated always as identity primary key,
    source_key    text        not null,
    display       text        not null,
    type          text        not null,
    patient_key   text,
    focus_key     text,
    identifiers   text        not null default '',
    version_rank  bigint,
    last_updated  timestamptz,
    payload       text        not null,
    checksum      text        not null,
    received_at   timestamptz not null,
    delivery      uuid
);

create unique index clinical_event_same_fact on clinical_event (source_key, checksum);
create index clinical_event_patient on clinical_event (patient_key);
create index clinical_event_focus on clinical_event (focus_key) where focus_key is not null;
create index clinical_event_type on clinical_event (type);

-- Business identifiers (system|value) of received resources: a resource with another id but a known
-- identifier is the same fact, under the key it was first received with.
create table clinical_event_identifier (
    type       text not null,
    identifier text not null,
    source_key text not null,
    primary key (type, identifier)
);

-- A key that names the same fact as an earlier one (same business identifier): references to it,
-- e.g. a second Patient resource for the same person, are read as references to the first.
create table clinical_event_alias (
    alias_key     text primary key,
    canonical_key text not null
);

create index clinical_event_alias_canonical on clinical_event_alias (canonical_key);

create trigger clinical_event_append_only
    before update or delete on clinical_event
    for each row execute function refuse_change();

-- What the last derivation for a patient could not use, and why (replaced at each derivation).
create table derivation_problem (
    patient_key text        not null,
    source      text        not null,
    reason      text        not null,
    derived_at  timestamptz not null
);

create index derivation_problem_patient on derivation_problem (patient_key);

-- Milestones Forløp tracks that are not registry codes (e.g. BIOPSY), per pathway instance
-- (replaced at each derivation).
create table tracked_milestone (
    pathway_id  uuid        not null references pathway (id),
    type        text        not null,
    date        date        not null,
    rule_id     text        not null,
    sources     text        not null,
    derived_at  timestamptz not null
);

create index tracked_milestone_pathway on tracked_milestone (pathway_id);
