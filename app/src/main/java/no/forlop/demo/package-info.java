/**
 * A demo hospital for a first run: when {@code forlop.demo.enabled} is set (the run command sets it
 * unless {@code FORLOP_DEMO=false}) and the database has no pathways yet, an invented EHR history
 * of a few hundred patients at two health trusts is generated, relative to today, and fed through
 * the real intake, so that the worklist, the pathway pages and the MDT screens have codes,
 * proposals, breaches and transfers to show. What is generated: {@code docs/demo-data.md}.
 *
 * <p>Every person is invented: common Norwegian first and last names combined at random, and
 * synthetic identity numbers (month + 80, as Skatteetaten's test environment issues them) that
 * cannot belong to anyone. Nothing personal is logged.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {
      "ingest",
      "calendar",
      "access",
      "audit",
      "pathway",
      "patient",
      "database"
    })
@org.jspecify.annotations.NullMarked
package no.forlop.demo;
