package no.forlop.npr.web;

import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import no.forlop.access.Actor;
import no.forlop.npr.DeliverySummary;
import no.forlop.npr.NprDeliveries;
import no.forlop.npr.NprDeliveryException;
import no.forlop.web.ApiProblem;
import no.forlop.web.ApiProblems;
import no.forlop.web.OperationOutcome;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Deliveries to Norsk pasientregister over REST: make one for an organisation and period, list what
 * was delivered when (current or superseded), and download both documents exactly as delivered.
 * Leaders and administrators only (SecurityConfiguration), for their own units.
 */
@RestController
@RequestMapping("/api/v1/npr/deliveries")
class NprDeliveryController {

  private static final MediaType XML = new MediaType("application", "xml", StandardCharsets.UTF_8);

  private final NprDeliveries deliveries;
  private final ApiProblems problems;

  NprDeliveryController(NprDeliveries deliveries, ApiProblems problems) {
    this.deliveries = deliveries;
    this.problems = problems;
  }

  /** The request body of a delivery. */
  record DeliveryRequest(
      @Nullable String organisation, @Nullable LocalDate from, @Nullable LocalDate to) {}

  @PostMapping
  @Operation(
      summary = "Make a delivery to NPR",
      description =
          "Every registered pathway code dated in [from, to] (both days included) of the"
              + " organisation's pathways, as two validated XML documents (codes per patient key;"
              + " identities separately). A later delivery for the same organisation and period"
              + " supersedes the earlier one.")
  ResponseEntity<DeliverySummary> deliver(@RequestBody DeliveryRequest request, Actor actor) {
    var summary = deliveries.deliver(request.organisation(), request.from(), request.to(), actor);
    return ResponseEntity.created(URI.create("/api/v1/npr/deliveries/" + summary.id()))
        .body(summary);
  }

  @GetMapping
  @Operation(
      summary = "What was delivered when",
      description = "The deliveries of an organisation (default: all your units), newest first.")
  List<DeliverySummary> list(
      @RequestParam(required = false) @Nullable String organisation, Actor actor) {
    return deliveries.list(organisation, actor);
  }

  @GetMapping("/{id}")
  @Operation(summary = "One delivery's summary")
  DeliverySummary get(@PathVariable UUID id, Actor actor) {
    return deliveries.get(id, actor);
  }

  @GetMapping("/{id}/message.xml")
  @Operation(summary = "The pathway-code document exactly as delivered")
  ResponseEntity<byte[]> message(@PathVariable UUID id, Actor actor) {
    return xml(deliveries.message(id, actor), "npr-" + id + "-message.xml");
  }

  @GetMapping("/{id}/identities.xml")
  @Operation(
      summary = "The identification document exactly as delivered",
      description = "Holds identity numbers: every download is logged as a read of each patient.")
  ResponseEntity<byte[]> identities(@PathVariable UUID id, Actor actor) {
    return xml(deliveries.identities(id, actor), "npr-" + id + "-identities.xml");
  }

  private static ResponseEntity<byte[]> xml(String document, String filename) {
    return ResponseEntity.ok()
        .contentType(XML)
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
        .body(document.getBytes(StandardCharsets.UTF_8));
  }

  @ExceptionHandler(NprDeliveryException.class)
  ResponseEntity<OperationOutcome> refused(NprDeliveryException e) {
    var args = e.args().toArray();
    var problem =
        switch (e.kind()) {
          case INVALID -> ApiProblem.invalid(e.reason(), args).at(e.field());
          case OUTSIDE_UNITS -> ApiProblem.forbidden(e.reason(), args);
          case NOT_FOUND -> ApiProblem.notFound(e.reason(), args);
          // what does not validate is technical: the schema's own words go to diagnostics
          case DOCUMENT_INVALID ->
              ApiProblem.businessRule(e.reason(), args).diagnostics(e.getMessage());
        };
    return problems.response(problem.key(e.messageKey()));
  }
}
