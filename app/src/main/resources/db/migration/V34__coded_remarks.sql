-- A code's remark (why it is only proposed, withdrawn or corrected) that Forløp wrote itself is
-- kept by its message key and arguments (Remark), so that each reader gets it in their language;
-- reason keeps the English text (and a person's own words, as written, with no key).
alter table pathway_fact add column reason_key text;
alter table pathway_fact add column reason_args text[];
