-- MDT meetings (tverrfaglige møter): a team in one unit meets on a date about the patients of some
-- pathways. Numbered 20 to stay clear of the migrations of parallel branches.
create table mdt_meeting (
    id           uuid primary key,
    meeting_date date        not null,
    team         text        not null,
    organisation text        not null,
    planned_at   timestamptz not null,
    planned_by   text        not null
);

create index mdt_meeting_organisation on mdt_meeting (organisation, meeting_date desc);

-- The pathways (catalogue ids) a meeting covers.
create table mdt_meeting_pathway (
    meeting_id uuid not null references mdt_meeting (id),
    pathway    text not null,
    primary key (meeting_id, pathway)
);

-- The agenda: pathway instances Forløp proposed (in work-up when the agenda was made) or a
-- coordinator added. A removed item is kept (removed_at set), so it is not proposed again.
create table mdt_agenda_item (
    meeting_id uuid        not null references mdt_meeting (id),
    pathway_id uuid        not null references pathway (id),
    patient    text        not null,
    proposed   boolean     not null,
    added_at   timestamptz not null,
    added_by   text        not null,
    removed_at timestamptz,
    removed_by text,
    primary key (meeting_id, pathway_id)
);

create index mdt_agenda_item_pathway on mdt_agenda_item (pathway_id);

-- The decision taken about one patient's pathway in a meeting, recorded once: the outcome (a
-- clinical-decision code key of the pathway, e.g. CK), the treatment intention, the day it was
-- discussed with the patient (null: not yet), and what became of the code that follows from it
-- (the registration, or the pathway engine's refusal with its arguments, one a line).
create table mdt_decision (
    meeting_id      uuid        not null,
    pathway_id      uuid        not null,
    outcome         text        not null,
    intention       text        not null check (intention in
                        ('CURATIVE', 'LIFE_PROLONGING', 'PALLIATIVE', 'NONE', 'NOT_DECIDED')),
    discussed_on    date,
    registration_id uuid,
    refusal         text,
    refusal_args    text,
    recorded_at     timestamptz not null,
    recorded_by     text        not null,
    primary key (meeting_id, pathway_id),
    foreign key (meeting_id, pathway_id) references mdt_agenda_item (meeting_id, pathway_id)
);

-- The conversation with the patient recorded after the meeting, once, with what became of the code.
create table mdt_conversation (
    meeting_id      uuid        not null,
    pathway_id      uuid        not null,
    discussed_on    date        not null,
    registration_id uuid,
    refusal         text,
    refusal_args    text,
    recorded_at     timestamptz not null,
    recorded_by     text        not null,
    primary key (meeting_id, pathway_id),
    foreign key (meeting_id, pathway_id) references mdt_decision (meeting_id, pathway_id)
);

create trigger mdt_decision_append_only before update or delete on mdt_decision
    for each row execute function refuse_change();
create trigger mdt_conversation_append_only before update or delete on mdt_conversation
    for each row execute function refuse_change();
