package no.forlop.coordinator.plan;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The patient's plan, in plain words for the patient and relatives: the pathway they are in, what
 * has happened, what happens next with the expected dates, and whom to call. No internal codes.
 *
 * @param happened the registered milestones, oldest first, each a sentence with its date in words
 * @param next what comes next, from the running lead times, each with the latest expected date
 * @param open the pathway is still open (a closed one has no next steps)
 * @param contactName the responsible coordinator, if one is assigned
 * @param phone the coordinator's phone, or the unit's when the coordinator has none
 */
record PatientPlan(
    UUID id,
    @Nullable String patientName,
    String pathwayName,
    String unitName,
    boolean open,
    List<String> happened,
    List<String> next,
    @Nullable String contactName,
    @Nullable String phone,
    String printedOn) {}
