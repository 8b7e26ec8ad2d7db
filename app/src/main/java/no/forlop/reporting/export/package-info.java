/**
 * The statistics as tables, and the writers that put them in files (CSV, Excel): used by the
 * dashboard's exports and meant for the command line's {@code forlop report}. Free of web classes.
 * What leaves the unit is suppressed: build the tables from a report computed with {@code
 * leavesUnit = true}.
 */
@org.springframework.modulith.NamedInterface("export")
@org.jspecify.annotations.NullMarked
package no.forlop.reporting.export;
