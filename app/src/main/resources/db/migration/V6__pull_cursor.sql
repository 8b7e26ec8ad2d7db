-- Where the pull connector stopped, per FHIR server and resource type: the newest
-- meta.lastUpdated it has received, exactly as the server wrote it (the server's clock, never
-- Forløp's), so that the next poll asks for what changed after it (_lastUpdated=gt…).
create table pull_cursor (
    source          text        not null,
    resource_type   text        not null,
    last_updated    text        not null,
    last_updated_at timestamptz not null,
    moved_at        timestamptz not null,
    primary key (source, resource_type)
);
