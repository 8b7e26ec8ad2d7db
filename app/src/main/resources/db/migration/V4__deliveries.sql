-- Every delivery from the EHR, exactly as it came, stored before it is read.
create table delivery (
    id          uuid primary key,
    channel     text        not null,
    received_at timestamptz not null,
    actor       text        not null,
    content     text        not null
);

-- What became of a delivery (received, unreadable, stored, processed), one row per step.
create table delivery_status (
    delivery uuid        not null references delivery (id),
    status   text        not null check (status in ('RECEIVED', 'UNREADABLE', 'STORED', 'PROCESSED')),
    reason   text,
    at       timestamptz not null
);

-- Every resource of a delivery with its outcome: accepted, rejected (with the reason and its JSON)
-- or ignored; an accepted resource is found in the delivery's content by its position.
create table received_resource (
    seq         bigint generated always as identity primary key,
    delivery    uuid        not null references delivery (id),
    position    int         not null,
    source      text        not null,
    outcome     text        not null check (outcome in ('ACCEPTED', 'REJECTED', 'IGNORED')),
    reason      text,
    json        text,
    received_at timestamptz not null
);

create index received_resource_outcome on received_resource (outcome, received_at desc);

create trigger delivery_append_only before update or delete on delivery
    for each row execute function refuse_change();
create trigger delivery_status_append_only before update or delete on delivery_status
    for each row execute function refuse_change();
create trigger received_resource_append_only before update or delete on received_resource
    for each row execute function refuse_change();
