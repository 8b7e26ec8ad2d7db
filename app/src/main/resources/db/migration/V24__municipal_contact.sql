-- The municipality's contact for a patient (koordinerende enhet i kommunen): every version kept,
-- the latest counts. Recorded by the hospital's staff; printed on the status messages to the
-- municipality at the pathway's start, clinical decision and closure.
create table municipal_contact (
    seq           bigint generated always as identity primary key,
    patient       text        not null,
    municipality  text        not null,
    unit_name     text        not null,
    contact_name  text,
    phone         text,
    email         text,
    recorded_at   timestamptz not null,
    recorded_by   text        not null
);

create index municipal_contact_patient on municipal_contact (patient, seq desc);

create trigger municipal_contact_append_only before update or delete on municipal_contact
    for each row execute function refuse_change();
