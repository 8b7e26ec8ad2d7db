-- Issue 17 (ADR 0043): a GP finds the referrals they sent by their HPR number, which the referral's
-- payload carries as requesterHpr when the requester named the GP.
create index clinical_event_referral_hpr on clinical_event ((payload::jsonb ->> 'requesterHpr'))
    where type = 'Referral';
