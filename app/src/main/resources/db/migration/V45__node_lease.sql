-- Issue 15, item 3 (two nodes, one database; ADR 0032): which node works a piece of shared work
-- (a bulk job, the pull source) and until when, unless it renews the lease. A node takes over a
-- lease that ran out, or whose holder's database session is gone; a released lease is deleted.
create table node_lease (
    name       text primary key,
    holder     text        not null,
    held_until timestamptz not null,
    taken_at   timestamptz not null
);
