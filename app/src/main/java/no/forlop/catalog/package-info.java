/**
 * The national catalogue of pathways: every pakkeforløp and nasjonalt pasientforløp, its codes,
 * ICD-10 groups and effective-dated lead-time norms, each value with its source and whether it was
 * verified. The catalogue is data (catalog/catalogue.yaml), validated when loaded, versioned, and
 * replaceable at run time without a release; earlier versions are kept.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"calendar", "audit", "web", "access"})
@org.jspecify.annotations.NullMarked
package no.forlop.catalog;
