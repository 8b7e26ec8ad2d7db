-- Patient names change owner: module patient (PatientDirectory) keeps them, fed by the intake when
-- it stores a new version of a Patient resource, in the same transaction. The table stays where
-- it is (its name already belongs to module patient), so no name is copied and none is lost;
-- clinical_event remains where the names came from, should the table ever need rebuilding.
comment on table patient_name is
    'Owned by module patient (PatientDirectory): each patient''s name as the EHR last sent it, by identity number. Written by the intake, read by people''s screens; never logged.';
