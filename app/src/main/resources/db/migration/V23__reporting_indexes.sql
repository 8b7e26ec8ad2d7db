-- Indexes for the statistics over a whole region's years (docs/benchmarks.md, "Statistics over one
-- million pathways"). Without them every indicator query read the whole of report_interval and
-- report_code (a year is a tenth of them): 7 s for a region's year on one million pathways, most of
-- it sequential scans. Each index holds what its query reads, so PostgreSQL answers from the index
-- alone (index-only scans), and each is partial: only the rows that query can count. The unit and
-- pathway are included because the queries filter on the interval's and code's own columns and
-- join the pathways only for a patient group.

-- finished intervals by the date that places them in the period (interval-period: END, the
-- default); the lead-time indicators, their shares and percentiles
create index report_interval_finished on report_interval (to_date)
    include (organisation, pathway, pathway_id, indicator, treatment, status, patient_delayed, days)
    where to_date is not null;

-- running intervals by due date: "overdue now"
create index report_interval_running on report_interval (due_date)
    include (pathway_id, indicator, treatment, from_date)
    where to_date is null;

-- registered codes by date: the registration burden
create index report_code_registered on report_code (code_date)
    include (organisation, pathway, pathway_id, origin)
    where state = 'REGISTERED';
