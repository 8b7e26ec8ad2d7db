package no.forlop.ingest.referral;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * Where a referral stands in plain words for the GP (issue 17): the progress in a sentence and the
 * latest milestone's date, {@code dd.MM.yyyy}; no pathway codes.
 */
public final class ReferralWording {

  /** The code system of the progress, in a Task's businessStatus. */
  public static final String PROGRESS = "https://forlop.no/fhir/CodeSystem/gp-referral-progress";

  /** Dates as Norwegians write them. */
  public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

  private ReferralWording() {}

  /** "Behandlingen har startet (14.01.2025)": the progress, with its latest milestone's date. */
  public static String businessStatus(
      ReferralStatus status, MessageSource messages, Locale language) {
    var text = messages.getMessage("gp.progress." + status.progress().name(), null, language);
    var latest = status.latest();
    return latest == null ? text : text + " (" + DATE.format(latest.date()) + ")";
  }
}
