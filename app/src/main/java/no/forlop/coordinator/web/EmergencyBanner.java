package no.forlop.coordinator.web;

import java.time.format.DateTimeFormatter;
import java.util.UUID;
import no.forlop.access.Actor;
import no.forlop.calendar.OsloTime;
import no.forlop.pathway.PathwayId;
import no.forlop.pathway.PathwayService;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Marks every page of a patient's pathway the user reads by an emergency access (nødtilgang) while
 * it lasts: the layout shows a banner with the reason and when it expires (ADR 0028).
 */
@ControllerAdvice(
    basePackages = {
      "no.forlop.coordinator.pathwaypage",
      "no.forlop.coordinator.plan",
      "no.forlop.coordinator.municipality"
    })
class EmergencyBanner {

  /** The banner's text parts: the reason as given, and the expiry in the reader's language. */
  public record Banner(String reason, String until) {}

  private final ObjectProvider<PathwayService> pathways;
  private final Texts texts;

  /** The pathways are looked up lazily: a page's web slice test may have none. */
  EmergencyBanner(ObjectProvider<PathwayService> pathways, Texts texts) {
    this.pathways = pathways;
    this.texts = texts;
  }

  @ModelAttribute
  void banner(
      @PathVariable(name = "id", required = false) @Nullable UUID id, Actor actor, Model model) {
    if (id == null || actor.emergencyAccess().isEmpty()) {
      return;
    }
    pathways
        .getObject()
        .emergencyAccessTo(new PathwayId(id), actor)
        .ifPresent(
            grant ->
                model.addAttribute(
                    "emergencyBanner",
                    new Banner(
                        grant.reason(),
                        DateTimeFormatter.ofPattern(
                                texts.message("emergency.format.until"), texts.locale())
                            .format(grant.expiresAt().atZone(OsloTime.ZONE)))));
  }
}
