-- Who is the responsible coordinator of a pathway instance: every assignment kept, the latest counts.
create table pathway_coordinator (
    seq         bigint generated always as identity primary key,
    pathway_id  uuid        not null references pathway (id),
    coordinator text,
    assigned_at timestamptz not null,
    assigned_by text        not null
);

create index pathway_coordinator_pathway on pathway_coordinator (pathway_id, seq desc);

-- Notes on a pathway instance, never changed.
create table pathway_note (
    id         uuid primary key,
    pathway_id uuid        not null references pathway (id),
    text       text        not null,
    written_at timestamptz not null,
    written_by text        not null
);

create index pathway_note_pathway on pathway_note (pathway_id, written_at);

create trigger pathway_coordinator_append_only before update or delete on pathway_coordinator
    for each row execute function refuse_change();
create trigger pathway_note_append_only before update or delete on pathway_note
    for each row execute function refuse_change();
