-- Deliveries to Norsk pasientregister (NPR): what was delivered, for which organisation and period,
-- when and by whom, with both documents exactly as delivered and their SHA-256. A later delivery for
-- the same organisation and period supersedes the earlier one (it names it in `supersedes` and in
-- its document); a delivery is never changed or deleted.
create table npr_delivery (
    id                 uuid primary key,
    organisation       text        not null,
    period_from        date        not null,
    period_to          date        not null,
    sequence           int         not null check (sequence >= 1),
    supersedes         uuid references npr_delivery (id),
    created_at         timestamptz not null,
    created_by         text        not null,
    patients           int         not null,
    pathways           int         not null,
    codes              int         not null,
    withheld_codes     int         not null,
    schema_version     text        not null,
    message_sha256     text        not null,
    identities_sha256  text        not null,
    message            text        not null,
    identities         text        not null,
    check (period_to >= period_from),
    check ((sequence = 1) = (supersedes is null)),
    unique (organisation, period_from, period_to, sequence),
    unique (supersedes)
);

create index npr_delivery_org on npr_delivery (organisation, period_from, period_to);

create trigger npr_delivery_append_only
    before update or delete on npr_delivery
    for each row execute function refuse_change();
