-- Terminology: the hospital's FHIR ConceptMaps from local codes to Forløp's concepts. Every version
-- ever loaded is kept as it was received; the one in force is the one activated last. Both tables
-- are append-only: a version is never changed or removed, an activation never undone (a later
-- activation puts another version in force).
create table concept_map_version (
    version   text primary key,
    url       text        not null,
    checksum  text        not null,
    content   text        not null,
    mappings  integer     not null,
    loaded_at timestamptz not null,
    loaded_by text        not null
);

create table concept_map_activation (
    seq          bigint generated always as identity primary key,
    version      text        not null references concept_map_version (version),
    activated_at timestamptz not null,
    activated_by text        not null
);

create index concept_map_activation_latest on concept_map_activation (seq desc);

create trigger concept_map_version_append_only
    before update or delete on concept_map_version
    for each row execute function refuse_change();

create trigger concept_map_activation_append_only
    before update or delete on concept_map_activation
    for each row execute function refuse_change();
