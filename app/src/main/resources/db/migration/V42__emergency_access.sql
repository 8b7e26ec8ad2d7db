-- Issue 14, item 6: emergency access (nødtilgang) to a patient of another unit, and refused reads
-- audited as refused (ADR 0028).

-- A read refused because the patient is outside the user's units is kept in the patient's audit trail.
alter table audit_event drop constraint audit_event_action_check;
alter table audit_event add constraint audit_event_action_check
    check (action in ('READ', 'CREATE', 'UPDATE', 'REFUSED', 'SIGN_IN_FAILED', 'SIGN_IN_LOCKED'));

-- Every emergency access given: kept for review by the patient's unit (never deleted; a review is
-- recorded once).
create table emergency_access (
    id             uuid        primary key,
    actor          text        not null,
    patient        text        not null,
    organisation   text        not null,
    pathway_id     uuid        not null,
    kind           text        not null
        check (kind in ('ACUTE_CARE', 'REFERRAL_OR_TRANSFER', 'STANDING_IN', 'OTHER')),
    reason         text        not null check (char_length(reason) between 10 and 500),
    granted_at     timestamptz not null,
    expires_at     timestamptz not null check (expires_at > granted_at),
    reviewed_by    text,
    reviewed_at    timestamptz,
    review_comment text        check (char_length(review_comment) <= 500),
    check ((reviewed_at is null) = (reviewed_by is null))
);

create index emergency_access_of_actor on emergency_access (actor, expires_at);
create index emergency_access_of_unit on emergency_access (organisation, granted_at desc);

create trigger emergency_access_not_deleted
    before delete on emergency_access
    for each row execute function refuse_change();
