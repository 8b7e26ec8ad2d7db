-- The worklist of what needs action (issue 16, ADR 0035). Each row now says which step the pathway
-- waits for even when no lead time is running (expected_milestone: null when the pathway is
-- complete for coding, e.g. a cancer pathway whose treatment has started), when its running
-- interval began (next_from: the days elapsed for a step without a verified norm), and when its
-- newest proposal was made (latest_proposal_at: "new since your last visit"). The rows are written
-- again from the pathways at start-up (the table is emptied here, PathwayReadModel refills it).
alter table worklist_entry
    add column expected_milestone text,
    add column next_from          date,
    add column latest_proposal_at timestamptz;

delete from worklist_entry;

-- When a user last opened the worklist: the first view in a session compares with it, then moves
-- it on ("what changed since my last visit").
create table worklist_visit (
    username   text        primary key,
    visited_at timestamptz not null
);
