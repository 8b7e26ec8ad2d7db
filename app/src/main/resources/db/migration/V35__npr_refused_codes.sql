-- The registered codes a delivery to NPR refused to send, each with why (issue 13, item 6): a code
-- of a pathway whose prefix the catalogue lacks is only its suffix ("A"), which no registry can
-- take, so it is named here (pathway instance, pathway, code, date, reason) instead of being
-- silently left out. Deliveries made before this column existed refused none by name (their count
-- is in withheld_codes).
alter table npr_delivery add column refused_codes jsonb not null default '[]'::jsonb;
