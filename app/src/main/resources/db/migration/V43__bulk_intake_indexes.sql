-- Bulk intake at speed (issue 15, ADR 0030): fewer index entries written per resource.
--
-- received_resource: the outcome index is read only for rejected and ignored resources (the
-- integration engineer's lists, a bulk job's summary); accepted resources, nearly all of them,
-- no longer get an entry.
drop index received_resource_outcome;
create index received_resource_not_used on received_resource (outcome, received_at desc)
    where outcome <> 'ACCEPTED';

-- clinical_event: the type index served only the list of every organisation (the others ask by
-- key, patient or focus, which have their own indexes); kept for the few types read that way.
drop index clinical_event_type;
create index clinical_event_reference_types on clinical_event (type)
    where type in ('OrganisationRecord', 'MedicationRecord');
