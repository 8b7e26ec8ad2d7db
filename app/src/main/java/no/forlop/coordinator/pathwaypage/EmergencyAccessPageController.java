package no.forlop.coordinator.pathwaypage;

import java.util.Arrays;
import java.util.UUID;
import no.forlop.access.Actor;
import no.forlop.access.EmergencyAccessSettings;
import no.forlop.access.EmergencyRequest;
import no.forlop.access.InvalidEmergencyRequestException;
import no.forlop.coordinator.web.PageErrors;
import no.forlop.pathway.EmergencyAccessNotNeededException;
import no.forlop.pathway.PathwayId;
import no.forlop.pathway.PathwayService;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Asking for emergency access (nødtilgang) to a pathway of another unit, offered on the page that
 * refuses it: a form with the kind of situation and a required reason; a grant opens the pathway
 * page, which then shows the emergency banner (ADR 0028). The form shows nothing of the patient.
 * Only coordinators and clinicians reach it (the security configuration).
 */
@Controller
@RequestMapping("/pathways/{id}/emergency-access")
class EmergencyAccessPageController {

  static final String TEMPLATE = "coordinator/pathwaypage/emergency";

  private final PathwayService pathways;
  private final EmergencyAccessSettings settings;

  EmergencyAccessPageController(PathwayService pathways, EmergencyAccessSettings settings) {
    this.pathways = pathways;
    this.settings = settings;
  }

  @GetMapping
  ModelAndView form(@PathVariable UUID id) {
    return form(id, "", "", null);
  }

  @PostMapping
  ModelAndView grant(
      @PathVariable UUID id,
      @RequestParam(required = false) @Nullable String kind,
      @RequestParam(required = false) @Nullable String reason,
      Actor actor) {
    try {
      pathways.grantEmergencyAccess(new PathwayId(id), EmergencyRequest.of(kind, reason), actor);
    } catch (InvalidEmergencyRequestException e) {
      var page = form(id, kind, reason, "emergency.problem." + e.problem().name());
      page.setStatus(HttpStatusCode.valueOf(PageErrors.UNPROCESSABLE));
      return page;
    } catch (EmergencyAccessNotNeededException e) {
      // the user works there: the pathway opens without emergency access
    }
    return new ModelAndView("redirect:/pathways/" + id);
  }

  private ModelAndView form(
      UUID id, @Nullable String kind, @Nullable String reason, @Nullable String error) {
    var page = new ModelAndView(TEMPLATE);
    page.addObject("pathwayId", id);
    page.addObject("kinds", Arrays.stream(EmergencyRequest.Kind.values()).map(Enum::name).toList());
    page.addObject("kind", kind == null || kind.isBlank() ? "" : kind);
    page.addObject("reason", reason == null ? "" : reason);
    var minutes = settings.duration().toMinutes();
    page.addObject(
        "hours",
        minutes % 60 == 0 ? String.valueOf(minutes / 60) : "%.1f".formatted(minutes / 60.0));
    page.addObject("minReason", EmergencyRequest.MIN_REASON);
    page.addObject("maxReason", EmergencyRequest.MAX_REASON);
    if (error != null) {
      page.addObject("error", error);
    }
    return page;
  }
}
