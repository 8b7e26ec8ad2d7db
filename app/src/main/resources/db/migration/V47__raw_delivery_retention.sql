-- Issue 18, item 5 (ADR 0042): deliveries are kept as received for a configurable period, then
-- their content is purged. The row stays (id, channel, when, who sent it), so every fact, code
-- and trace that names a delivery still names it; only what it contained is gone. The rejected
-- resources' JSON (received_resource.json) goes with it; their reasons stay.
alter table delivery add column purged_at timestamptz;
alter table delivery drop constraint delivery_kept;
alter table delivery add constraint delivery_kept
    check (purged_at is not null or body is not null or content is not null);
alter table delivery add constraint delivery_purged_empty
    check (purged_at is null or (body is null and content is null));

-- Still append-only, except for the purge: content and body to null, purged_at set once, every
-- other column as it was.
create function delivery_only_purged() returns trigger language plpgsql as $$
declare
    kept delivery;
begin
    if tg_op = 'UPDATE' and old.purged_at is null and new.purged_at is not null then
        kept := new;
        kept.content := old.content;
        kept.body := old.body;
        kept.purged_at := old.purged_at;
        if kept is not distinct from old then
            return new;
        end if;
    end if;
    raise exception '% is append-only: % refused (only a purge of its content)', tg_table_name, tg_op;
end;
$$;

drop trigger delivery_append_only on delivery;
create trigger delivery_append_only before update or delete on delivery
    for each row execute function delivery_only_purged();

create function received_resource_only_purged() returns trigger language plpgsql as $$
declare
    kept received_resource;
begin
    if tg_op = 'UPDATE' and old.json is not null and new.json is null then
        kept := new;
        kept.json := old.json;
        if kept is not distinct from old then
            return new;
        end if;
    end if;
    raise exception '% is append-only: % refused (only a purge of its JSON)', tg_table_name, tg_op;
end;
$$;

drop trigger received_resource_append_only on received_resource;
create trigger received_resource_append_only before update or delete on received_resource
    for each row execute function received_resource_only_purged();

-- the purge finds what is due by age, oldest first
create index delivery_to_purge on delivery (received_at) where purged_at is null;

-- the purge is audited (counts only, no patient)
alter table audit_event drop constraint audit_event_action_check;
alter table audit_event add constraint audit_event_action_check
    check (action in ('READ', 'CREATE', 'UPDATE', 'REFUSED', 'SIGN_IN_FAILED', 'SIGN_IN_LOCKED',
                      'PURGE'));
