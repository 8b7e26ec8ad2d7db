-- A patient's pathway instance: one patient, one pathway definition, one owning organisation.
create table pathway (
    id                uuid primary key,
    patient           text        not null,
    definition        text        not null,
    organisation      text        not null,
    setting           text,
    created_at        timestamptz not null,
    created_by        text        not null,
    catalogue_version text        not null references catalogue_version (version)
);

create index pathway_patient on pathway (patient);
create index pathway_organisation on pathway (organisation);

-- Every fact about a pathway's codes, in the order it was recorded: registrations, corrections,
-- withdrawals, confirmations and rejections of proposals. Never updated, never deleted: the current
-- codes are what these facts add up to.
create table pathway_fact (
    pathway_id        uuid        not null references pathway (id),
    seq               int         not null,
    kind              text        not null check (kind in
                          ('REGISTERED', 'CORRECTED', 'WITHDRAWN', 'CONFIRMED', 'REJECTED')),
    registration_id   uuid        not null,
    code_key          text,
    milestone         text,
    code              text,
    code_date         date,
    state             text check (state in ('REGISTERED', 'PROPOSED')),
    origin            text        not null check (origin in ('MANUAL', 'DERIVED')),
    rule_id           text,
    ruleset_version   text,
    sources           text,
    inputs            text,
    start_basis       text,
    reason            text,
    actor             text        not null,
    recorded_at       timestamptz not null,
    catalogue_version text        not null references catalogue_version (version),
    primary key (pathway_id, seq)
);

create index pathway_fact_registration on pathway_fact (registration_id);

create trigger pathway_fact_append_only
    before update or delete on pathway_fact
    for each row execute function refuse_change();
