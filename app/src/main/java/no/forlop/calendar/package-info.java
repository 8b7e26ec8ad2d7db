/**
 * Shared kernel for dates: Norwegian public holidays, working days (virkedager), counting days
 * between two dates, and the one place where an instant becomes a date in Europe/Oslo.
 *
 * <p>Plain Java; every other module may depend on it.
 */
@org.springframework.modulith.ApplicationModule(
    type = org.springframework.modulith.ApplicationModule.Type.OPEN)
@org.jspecify.annotations.NullMarked
package no.forlop.calendar;
