/**
 * Statistics and evaluation: a read model of every pathway's milestones, codes and measured
 * intervals (kept in step with the pathways, so the numbers agree with the lead-time engine), the
 * indicators computed from it by SQL in PostgreSQL (activity, OF1–OF4 and the mental-health
 * intervals, national targets, the registration burden, data quality), with small numbers
 * suppressed in everything that leaves the unit.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {
      "pathway",
      "catalog",
      "patient",
      "access",
      "audit",
      "calendar",
      "web",
      "database"
    })
@org.jspecify.annotations.NullMarked
package no.forlop.reporting;
