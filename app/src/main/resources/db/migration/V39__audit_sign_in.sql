-- Issue 14, part B: failed sign-ins and lockouts are recorded in the audit log (patient null).
alter table audit_event drop constraint audit_event_action_check;
alter table audit_event add constraint audit_event_action_check
    check (action in ('READ', 'CREATE', 'UPDATE', 'SIGN_IN_FAILED', 'SIGN_IN_LOCKED'));
