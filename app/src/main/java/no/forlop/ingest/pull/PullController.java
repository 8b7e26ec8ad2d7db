package no.forlop.ingest.pull;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import no.forlop.access.Actor;
import no.forlop.web.ApiProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The pull connector for administrators: where it stands, and a poll now. */
@RestController
@RequestMapping("/api/v1/ingest/pull")
@Tag(name = "Ingest", description = "Bulk import of NDJSON files, the pull connector, rejections")
class PullController {

  private final PullConnector connector;

  PullController(PullConnector connector) {
    this.connector = connector;
  }

  /**
   * The connector's settings, how its polls have gone lately (failures in a row and the pause they
   * have led to) and, per resource type, the newest {@code meta.lastUpdated} received.
   */
  record Status(
      @Nullable String source,
      boolean scheduled,
      Duration interval,
      int pageSize,
      List<String> resourceTypes,
      Duration maxBackoff,
      PullConnector.Health health,
      List<CursorView> cursors) {}

  /** Where the connector stopped for one resource type. */
  record CursorView(String resourceType, String lastUpdated, Instant movedAt) {}

  @GetMapping
  @Operation(
      summary =
          "The pull connector's settings, its failed polls in a row and the pause before the next,"
              + " and where it stopped per resource type")
  Status status() {
    var settings = connector.settings();
    return new Status(
        settings.source(),
        settings.enabled(),
        settings.interval(),
        settings.pageSize(),
        settings.resourceTypes(),
        settings.maxBackoff(),
        connector.health(),
        connector.cursors().stream()
            .map(c -> new CursorView(c.resourceType(), c.lastUpdated(), c.movedAt()))
            .toList());
  }

  @PostMapping
  @Operation(summary = "Poll the FHIR server now, and answer what the poll fetched")
  PollReport poll(Actor actor) {
    if (connector.settings().source() == null) {
      throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "not-supported", "PULL_NOT_CONFIGURED");
    }
    return connector.poll(actor).orElseThrow(() -> ApiProblem.conflict("PULL_RUNNING"));
  }
}
