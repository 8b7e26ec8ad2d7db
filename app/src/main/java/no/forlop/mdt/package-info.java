/**
 * MDT meetings (tverrfaglige møter): a coordinator plans a meeting of a team in one unit for some
 * pathways; the agenda proposes the patients of those pathways whose work-up is under way and whose
 * clinical decision is due (earliest due first, overdue flagged), and the coordinator adds or
 * removes patients; a clinician or coordinator records each patient's decision (outcome, treatment
 * intention, whether and when it was discussed with the patient). The clinical-decision code
 * follows from that record through the pathway engine (rule {@code MDT-DECISION}, the meeting as
 * its source): registered on the day of the conversation with the patient, or proposed until then.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"pathway", "catalog", "access", "audit", "patient"})
@org.jspecify.annotations.NullMarked
package no.forlop.mdt;
