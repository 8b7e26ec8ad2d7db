-- Bulk imports resume exactly where they stopped (ADR 0016).
--
-- A chunk is now stored in one transaction with its delivery, its resources and its facts, and
-- marked stored there (bulk_chunk.delivery, with the patients whose facts changed); it is derived
-- after, and marked derived (then the list of patients goes). At a restart a chunk stored but not
-- derived is derived again, and a chunk not stored is stored: none is stored twice.
alter table bulk_chunk
    add column patients text[],
    add column derived  boolean not null default false;

-- the chunks of earlier jobs were stored and derived together
update bulk_chunk set derived = true where delivery is not null;

alter table bulk_chunk
    add constraint bulk_chunk_derived_after_stored check (not derived or delivery is not null);

create index bulk_chunk_not_derived on bulk_chunk (job, seq) where delivery is not null and not derived;

-- The job's content (SHA-256 of the upload, hex), so that the same file sent again is answered with
-- its job instead of a second one; and where it went on after a restart, for its progress.
alter table bulk_job
    add column content_sha256  text,
    add column resumed         int not null default 0,
    add column resumed_at      timestamptz,
    add column resumed_at_line bigint;

create unique index bulk_job_same_content on bulk_job (content_sha256);
