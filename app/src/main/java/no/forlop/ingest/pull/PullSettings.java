package no.forlop.ingest.pull;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the pull connector.
 *
 * @param enabled poll on a schedule (a poll on request, {@code POST /api/v1/ingest/pull}, needs
 *     only the base URL)
 * @param baseUrl the FHIR server's base, e.g. {@code https://ehr.example/fhir}; also the name of
 *     the source its cursors are kept under
 * @param interval the pause between the end of one poll and the start of the next
 * @param pageSize the {@code _count} asked for per page
 * @param resourceTypes the resource types asked for, in this order
 * @param maxBackoff the longest pause between polls after failed ones: each failed poll in a row
 *     doubles the pause from {@code interval}, up to this; a poll that fetched every type brings it
 *     back to {@code interval}
 */
@ConfigurationProperties("forlop.pull")
record PullSettings(
    boolean enabled,
    @Nullable URI baseUrl,
    @DefaultValue("PT1M") Duration interval,
    @DefaultValue("100") int pageSize,
    @DefaultValue({
          "Patient",
          "Organization",
          "ServiceRequest",
          "Task",
          "Encounter",
          "ImagingStudy",
          "Procedure",
          "ClinicalImpression",
          "Condition",
          "QuestionnaireResponse",
          "Medication",
          "MedicationAdministration",
          "Appointment",
          "EpisodeOfCare"
        })
        List<String> resourceTypes,
    @DefaultValue("PT15M") Duration maxBackoff) {

  PullSettings {
    if (pageSize < 1 || pageSize > 1000) {
      throw new IllegalArgumentException(
          "forlop.pull.page-size must be between 1 and 1000, not " + pageSize);
    }
    if (interval.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException("forlop.pull.interval must be at least a second");
    }
    if (baseUrl != null
        && !"http".equals(baseUrl.getScheme())
        && !"https".equals(baseUrl.getScheme())) {
      throw new IllegalArgumentException("forlop.pull.base-url must be an http(s) address");
    }
    if (maxBackoff.compareTo(interval) < 0) {
      throw new IllegalArgumentException(
          "forlop.pull.max-backoff must be at least forlop.pull.interval (" + interval + ")");
    }
    resourceTypes = List.copyOf(resourceTypes);
  }

  /** The server's base without a trailing slash, or {@code null} when none is configured. */
  @Nullable String source() {
    if (baseUrl == null) {
      return null;
    }
    var text = baseUrl.toString();
    return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
  }
}
