package no.forlop.worklist.patient;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import no.forlop.audit.Actor;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The municipality page of a pathway ({@code /pathways/{id}/municipality}): the municipal contact
 * for the patient (recorded by coordinators and clinicians) and the status messages to it at start,
 * decision and closure, printable, each downloadable as text.
 */
@Controller
class MunicipalityController {

  static final int MAX_FIELD = 200;

  private final MunicipalStatus status;
  private final MunicipalContacts contacts;
  private final PathwayPages pages;

  MunicipalityController(MunicipalStatus status, MunicipalContacts contacts, PathwayPages pages) {
    this.status = status;
    this.contacts = contacts;
    this.pages = pages;
  }

  @GetMapping("/pathways/{id}/municipality")
  String page(@PathVariable UUID id, Actor actor, Model model) {
    model.addAttribute("page", status.page(id, actor, pages.mayChange()));
    return "pathway/municipality";
  }

  @PostMapping("/pathways/{id}/municipality/contact")
  String record(
      @PathVariable UUID id,
      @RequestParam(defaultValue = "") String municipality,
      @RequestParam(defaultValue = "") String unitName,
      @RequestParam(defaultValue = "") String contactName,
      @RequestParam(defaultValue = "") String phone,
      @RequestParam(defaultValue = "") String email,
      Actor actor,
      Model model,
      RedirectAttributes redirect,
      jakarta.servlet.http.HttpServletResponse response) {
    if (!pages.mayChange()) {
      throw new PathwayPageController.ReadOnlyException();
    }
    var patient = status.patientOf(id, actor);
    if (municipality.isBlank()
        || unitName.isBlank()
        || tooLong(municipality, unitName, contactName, phone, email)) {
      response.setStatus(PathwayPageController.UNPROCESSABLE);
      model.addAttribute("page", status.page(id, actor, true));
      model.addAttribute("failed", "municipality.error.required");
      return "pathway/municipality";
    }
    contacts.record(
        patient,
        municipality.strip(),
        unitName.strip(),
        blankToNull(contactName),
        blankToNull(phone),
        blankToNull(email),
        actor);
    redirect.addFlashAttribute("done", "municipality.done.recorded");
    return "redirect:/pathways/" + id + "/municipality";
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

  private static boolean tooLong(String... values) {
    for (var value : values) {
      if (value.length() > MAX_FIELD) {
        return true;
      }
    }
    return false;
  }

  private static @org.jspecify.annotations.Nullable String blankToNull(String value) {
    return value.isBlank() ? null : value.strip();
  }
}
