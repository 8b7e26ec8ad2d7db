package no.forlop.coordinator.plan;

import java.util.UUID;
import no.forlop.access.Actor;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The patient's plan: a printable page ({@code /pathways/{id}/plan}, with a print stylesheet and no
 * navigation in print) and the same page as PDF ({@code /pathways/{id}/plan.pdf}).
 */
@Controller
class PlanController {

  static final String TEMPLATE = "coordinator/plan/page";

  private final PatientPlans plans;
  private final PlanPdf pdf;

  PlanController(PatientPlans plans, PlanPdf pdf) {
    this.plans = plans;
    this.pdf = pdf;
  }

  @GetMapping("/pathways/{id}/plan")
  String plan(@PathVariable UUID id, Actor actor, Model model) {
    model.addAttribute("plan", plans.plan(id, actor));
    model.addAttribute("pdf", false);
    return TEMPLATE;
  }

  @GetMapping("/pathways/{id}/plan.pdf")
  ResponseEntity<byte[]> planAsPdf(@PathVariable UUID id, Actor actor) {
    var document = pdf.render(plans.plan(id, actor));
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.inline().filename("plan.pdf").build().toString())
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(document);
  }
}
