-- Catalogue versions: every version ever loaded is kept; the one in force is the one activated
-- last (activation_seq, not a timestamp: clocks can stand still or go back).
create sequence catalogue_activation;

create table catalogue_version (
    version        text primary key,
    checksum       text        not null,
    content        text        not null,
    origin         text        not null check (origin in ('BUNDLED', 'UPLOADED')),
    loaded_at      timestamptz not null,
    loaded_by      text        not null,
    activated_at   timestamptz not null,
    activation_seq bigint      not null
);

create index catalogue_version_activation on catalogue_version (activation_seq desc);

-- The audit log (Normen): append-only, queryable by patient.
create table audit_event (
    id       bigint generated always as identity primary key,
    at       timestamptz not null,
    actor    text        not null,
    purpose  text        not null,
    action   text        not null check (action in ('READ', 'CREATE', 'UPDATE')),
    patient  text,
    resource text        not null,
    details  text
);

create index audit_event_patient on audit_event (patient, id);

create function refuse_change() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only: % refused', tg_table_name, tg_op;
end;
$$;

create trigger audit_event_append_only
    before update or delete on audit_event
    for each row execute function refuse_change();
