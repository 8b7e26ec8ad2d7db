-- The worklist: one row per pathway instance as it stands (a read model kept in step with the
-- pathways' changes, rebuilt from them when missing). Days left and the red/amber/green status are
-- computed when the list is read, from the due date and "today".
create table worklist_entry (
    pathway_id         uuid primary key references pathway (id),
    patient            text        not null,
    organisation       text        not null,
    pathway            text        not null,
    code_prefix        text,
    state              text        not null,
    open               boolean     not null,
    start_date         date,
    next_indicator     text,
    next_milestone     text,
    due_date           date,
    proposals          int         not null,
    disagreement       boolean     not null,
    problem            text,
    last_code_date     date,
    transferred_out_on date,
    coordinator        text,
    updated_at         timestamptz not null
);

create index worklist_entry_open on worklist_entry (organisation, open, due_date);
create index worklist_entry_patient on worklist_entry (patient);
create index worklist_entry_pathway on worklist_entry (pathway, organisation);
