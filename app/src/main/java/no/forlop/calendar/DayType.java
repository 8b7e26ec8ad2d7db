package no.forlop.calendar;

/**
 * How days are counted in a lead time: calendar days (kalenderdager) or working days (virkedager:
 * Monday to Friday except Norwegian public holidays).
 */
public enum DayType {
  CALENDAR,
  WORKING
}
