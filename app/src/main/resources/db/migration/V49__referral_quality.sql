-- Referral quality per pathway and referring practice (issue 17 item 4, ADR 0044).
-- What a tracked milestone says beyond its date: for REFERRAL_WRITTEN the referrer's organisation
-- number and, after a space, its name if known; for the referral's content the items confirmed of
-- those required ("3/4").
alter table tracked_milestone add column detail text;

-- The referral that started the pathway, where it came from another organisation (a GP's
-- practice): who sent it and its name if known, the day it was written (Europe/Oslo), the day the
-- hospital received it (its receipt Task; null while unknown), and whether its required content
-- was complete: COMPLETE, INCOMPLETE, or null when unknown (no answers came with it).
alter table report_pathway
    add column referral_requester      text,
    add column referral_requester_name text,
    add column referral_written_on     date,
    add column referral_received_on    date,
    add column referral_content        text check (referral_content in ('COMPLETE', 'INCOMPLETE'));

create index report_pathway_referral on report_pathway (referral_requester)
    where referral_requester is not null;
