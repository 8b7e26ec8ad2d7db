-- A bulk import of an NDJSON file (history, backfills): its progress, for people to follow.
-- The counters move as chunks are processed; a job still RUNNING at start-up is taken up again.
create table bulk_job (
    id               uuid primary key,
    status           text        not null check (status in ('RUNNING', 'DONE', 'FAILED')),
    name             text,
    actor            text        not null,
    purpose          text        not null,
    lines_total      bigint      not null,
    chunks_total     int         not null,
    lines_read       bigint      not null default 0,
    chunks_done      int         not null default 0,
    accepted         bigint      not null default 0,
    rejected         bigint      not null default 0,
    ignored          bigint      not null default 0,
    patients_derived bigint      not null default 0,
    started_at       timestamptz not null,
    finished_at      timestamptz,
    failure          text
);

create index bulk_job_started on bulk_job (started_at desc);

-- The uploaded file, stored in chunks of lines before any is processed, so a job that fails or is
-- cut short by a restart goes on from its first unprocessed chunk. Once a chunk has been received
-- as a delivery (which keeps it as it came), its staging copy is dropped.
create table bulk_chunk (
    job        uuid   not null references bulk_job (id),
    seq        int    not null,
    first_line bigint not null,
    lines      int    not null,
    content    bytea,
    delivery   uuid references delivery (id),
    primary key (job, seq),
    check ((content is null) = (delivery is not null))
);

create index bulk_chunk_pending on bulk_chunk (job, seq) where delivery is null;
