-- A delivery is kept byte for byte as it came (body), so that a byte PostgreSQL cannot hold in text
-- (a NUL) never costs the delivery; older deliveries keep their text in content.
alter table delivery add column body bytea;
alter table delivery alter column content drop not null;
alter table delivery add constraint delivery_kept check (body is not null or content is not null);

-- What became of each resource: where it stood (line 12, entry 3), the stable reason code, and the
-- reason in Norwegian bokmål beside the English one (reason).
alter table received_resource add column location text;
alter table received_resource add column reason_code text;
alter table received_resource add column reason_nb text;

-- A delivery refused as a whole (a transaction with a rejected entry) says so.
alter table delivery_status drop constraint delivery_status_status_check;
alter table delivery_status add constraint delivery_status_status_check
    check (status in ('RECEIVED', 'UNREADABLE', 'STORED', 'PROCESSED', 'REFUSED'));

-- Conditional create (If-None-Exist: identifier=system|value, or identifier=value in any system)
-- looks facts up by business identifier without knowing the fact type.
create index clinical_event_identifier_by_value on clinical_event_identifier (identifier);
create index clinical_event_identifier_by_bare_value
    on clinical_event_identifier ((substr(identifier, strpos(identifier, '|') + 1)));
