-- The name of each patient as the EHR last sent it, by identity number (a read model of the
-- PatientRecord facts, for people's screens; rewritten when a new version arrives).
create table patient_name (
    identifier text primary key,
    name       text        not null,
    updated_at timestamptz not null
);
