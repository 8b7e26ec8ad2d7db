/**
 * {@code bin/forlop replay}: EHR events in files through the same pipeline as the server, into a
 * throwaway embedded database, and one JSON document out (../shared/acceptance/CONTRACT.md).
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {
      "ingest",
      "coding",
      "coding :: domain",
      "pathway",
      "patient",
      "calendar",
      "audit",
      "access"
    })
@org.jspecify.annotations.NullMarked
package no.forlop.replay;
