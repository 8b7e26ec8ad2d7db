-- What the derivation found for a pathway but could not code, and why (issue 13, item 2: nothing
-- derivable is dropped; the pathway page shows it). Replaced as a whole per pathway at every derivation.
create table pathway_unused_fact (
    pathway_id  uuid        not null references pathway (id),
    source      text        not null,
    reason_key  text        not null,
    reason_args text[]      not null,
    ignored     boolean     not null,
    derived_at  timestamptz not null
);

create index pathway_unused_fact_pathway on pathway_unused_fact (pathway_id);
