-- The date a coordinator planned for a mental-health pathway's next evaluation (evaluering): every
-- plan kept, the latest counts; the worklist shows it next to the evaluation's due date.
create table planned_evaluation (
    seq         bigint generated always as identity primary key,
    pathway_id  uuid        not null references pathway (id),
    planned_on  date        not null,
    planned_at  timestamptz not null,
    planned_by  text        not null
);

create index planned_evaluation_pathway on planned_evaluation (pathway_id, seq desc);

create trigger planned_evaluation_append_only before update or delete on planned_evaluation
    for each row execute function refuse_change();
