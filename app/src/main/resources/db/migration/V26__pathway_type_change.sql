-- A change of mental-health pathway type (e.g. D12 to eating disorders, D11 to D01): the pathway of
-- the old type was closed (PATHWAY_END_TYPE_CHANGED) and one of the new type opened at the same
-- organisation, both on the day of the change (ADR 0014). One row links the two both ways; it keeps
-- the old pathway's start and the first pathway's start of the chain as they stood at the change,
-- for "endret fra D12 (startet …)" and "start første forløp". Never updated, never deleted.
create table pathway_type_change (
    from_pathway     uuid        primary key references pathway (id),
    to_pathway       uuid        not null unique references pathway (id),
    changed_on       date        not null,
    from_started_on  date        not null,
    first_started_on date        not null,
    note             text,
    changed_at       timestamptz not null,
    changed_by       text        not null,
    check (from_pathway <> to_pathway)
);

create trigger pathway_type_change_append_only before update or delete on pathway_type_change
    for each row execute function refuse_change();
