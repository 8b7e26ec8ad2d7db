package no.forlop.coordinator.municipality;

import jakarta.validation.Valid;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import no.forlop.access.Actor;
import no.forlop.coordinator.web.PageAccess;
import no.forlop.coordinator.web.PageErrors;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The municipality page of a pathway ({@code /pathways/{id}/municipality}): the municipal contact
 * for the patient (recorded by coordinators and clinicians) and the status messages to it at start,
 * decision and closure, printable, each downloadable as text.
 */
@Controller
class MunicipalityController {

  static final String TEMPLATE = "coordinator/municipality/page";

  private final MunicipalStatus status;
  private final MunicipalContacts contacts;
  private final PageAccess access;

  MunicipalityController(MunicipalStatus status, MunicipalContacts contacts, PageAccess access) {
    this.status = status;
    this.contacts = contacts;
    this.access = access;
  }

  @GetMapping("/pathways/{id}/municipality")
  String page(@PathVariable UUID id, Actor actor, Model model) {
    model.addAttribute("page", status.page(id, actor, access.mayChange()));
    return TEMPLATE;
  }

  @PostMapping("/pathways/{id}/municipality/contact")
  ModelAndView record(
      @PathVariable UUID id,
      @Valid @ModelAttribute("contactForm") ContactForm form,
      BindingResult errors,
      Actor actor,
      RedirectAttributes redirect) {
    access.requireChange();
    var patient = status.patientOf(id, actor);
    if (errors.hasErrors()) {
      var page = new ModelAndView(TEMPLATE);
      page.addObject("page", status.page(id, actor, true));
      page.addObject("failed", ContactForm.REQUIRED);
      page.setStatus(HttpStatusCode.valueOf(PageErrors.UNPROCESSABLE));
      return page;
    }
    contacts.record(
        patient,
        form.municipality().strip(),
        form.unitName().strip(),
        blankToNull(form.contactName()),
        blankToNull(form.phone()),
        blankToNull(form.email()),
        actor);
    redirect.addFlashAttribute("done", "municipality.done.recorded");
    return new ModelAndView("redirect:/pathways/" + id + "/municipality");
  }

  @GetMapping("/pathways/{id}/municipality/{event}-{number}.txt")
  ResponseEntity<byte[]> text(
      @PathVariable UUID id, @PathVariable String event, @PathVariable int number, Actor actor) {
    MunicipalStatus.Event which;
    try {
      which = MunicipalStatus.Event.valueOf(event.toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return ResponseEntity.notFound().build();
    }
    return status
        .message(id, which, number, actor)
        .map(
            m ->
                ResponseEntity.ok()
                    .contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
                    .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                            .filename(
                                "statusmelding-"
                                    + event.toLowerCase(java.util.Locale.ROOT)
                                    + "-"
                                    + number
                                    + ".txt")
                            .build()
                            .toString())
                    .header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .body(m.text().getBytes(StandardCharsets.UTF_8)))
        .orElseGet(() -> ResponseEntity.notFound().build());
  }

  private static @org.jspecify.annotations.Nullable String blankToNull(
      @org.jspecify.annotations.Nullable String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
