/**
 * The pathway coordinator's web app: the worklist (a read model of every open pathway, kept in step
 * with the pathways' changes), a patient's pathway page (timeline, why, confirm, correct, withdraw,
 * register by hand, coordinator, notes) and the patient's plan (print and PDF). Norwegian bokmål,
 * English as second language; usable with the keyboard.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {
      "pathway",
      "pathway :: domain",
      "catalog",
      "coding",
      "coding :: domain",
      "access",
      "audit",
      "calendar",
      "patient",
      "web"
    })
@org.jspecify.annotations.NullMarked
package no.forlop.worklist;
