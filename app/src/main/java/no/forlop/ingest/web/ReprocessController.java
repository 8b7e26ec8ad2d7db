package no.forlop.ingest.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import no.forlop.access.Actor;
import no.forlop.ingest.IntakeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Runs the derivation again over every fact stored: after a failure, a new rule set or a new
 * catalogue. Nothing received is lost, so nothing needs to be sent again.
 */
@RestController
@RequestMapping("/api/v1/ingest")
@Tag(name = "Intake", description = "EHR events in")
class ReprocessController {

  private static final Logger log = LoggerFactory.getLogger(ReprocessController.class);

  private final IntakeService intake;

  ReprocessController(IntakeService intake) {
    this.intake = intake;
  }

  @PostMapping("/reprocess")
  @Operation(summary = "Derive every patient's codes again from the facts stored")
  Map<String, Object> reprocess(Actor actor) {
    log.info("Reprocessing every stored fact, asked by {}", actor.id());
    var patients = intake.reprocess();
    return Map.of("patients", patients);
  }
}
