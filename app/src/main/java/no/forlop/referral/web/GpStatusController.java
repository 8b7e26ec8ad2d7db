package no.forlop.referral.web;

import java.util.LinkedHashMap;
import no.forlop.access.Actor;
import no.forlop.access.Unit;
import no.forlop.access.Users;
import no.forlop.ingest.referral.GpReferrals;
import no.forlop.ingest.referral.ReferralWording;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The GP's own page (issue 17, ADR 0043): for each patient the signed-in GP referred (referrals
 * with their HPR number) and only those, where the pathway stands, in plain Norwegian with dates.
 * Every patient shown is a read written to the audit log ({@link GpReferrals}).
 */
@Controller
class GpStatusController {

  /** The audit log's resource for a GP's reading of this page. */
  static final String RESOURCE = "gp-status";

  private final GpReferrals referrals;
  private final Users users;

  GpStatusController(GpReferrals referrals, Users users) {
    this.referrals = referrals;
    this.users = users;
  }

  @GetMapping("/fastlege")
  String status(Actor actor, Model model) {
    var gp =
        users
            .current()
            .filter(u -> u.isGp() && u.hpr() != null)
            .orElseThrow(() -> new AccessDeniedException("not a GP"));
    var sent = referrals.sentBy(gp.hpr(), actor, RESOURCE);
    var names = new LinkedHashMap<String, String>();
    sent.forEach(
        s -> {
          if (s.receiver() != null) {
            names.put(s.receiver(), users.unit(s.receiver()).map(Unit::name).orElse(s.receiver()));
          }
          s.steps().stream()
              .filter(step -> step.organisation() != null)
              .forEach(
                  step ->
                      names.put(
                          step.organisation(),
                          users
                              .unit(step.organisation())
                              .map(Unit::name)
                              .orElse(step.organisation())));
        });
    model.addAttribute("gp", gp);
    model.addAttribute("referrals", sent);
    model.addAttribute("organisations", names);
    model.addAttribute("dates", ReferralWording.DATE);
    return "referral/gp-status";
  }
}
