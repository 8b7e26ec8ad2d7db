package no.forlop.reporting;

import java.time.LocalDate;
import java.util.List;
import no.forlop.pathway.TrackedMilestone;
import org.jspecify.annotations.Nullable;

/**
 * The referral that started a pathway from another organisation (a GP's practice), as the
 * derivation tracks it (ADR 0044): who sent it, the day it was written, the day it was received,
 * and whether its required content was complete ({@code COMPLETE}, {@code INCOMPLETE}, or {@code
 * null}: unknown). All {@code null} for a pathway no such referral started.
 */
record StartingReferral(
    @Nullable String requester,
    @Nullable String requesterName,
    @Nullable LocalDate writtenOn,
    @Nullable LocalDate receivedOn,
    @Nullable String content) {

  static StartingReferral of(List<TrackedMilestone> milestones) {
    String requester = null;
    String name = null;
    LocalDate written = null;
    LocalDate received = null;
    String content = null;
    for (var m : milestones) {
      switch (m.type()) {
        case TrackedMilestone.REFERRAL_WRITTEN -> {
          written = m.date();
          var detail = m.detail() == null ? "" : m.detail().strip();
          var space = detail.indexOf(' ');
          requester = space < 0 ? detail : detail.substring(0, space);
          name = space < 0 ? null : detail.substring(space + 1).strip();
        }
        case TrackedMilestone.REFERRAL_RECEIVED -> received = m.date();
        case TrackedMilestone.REFERRAL_CONTENT_COMPLETE -> content = "COMPLETE";
        case TrackedMilestone.REFERRAL_CONTENT_INCOMPLETE -> content = "INCOMPLETE";
        default -> {
          // another milestone: not about the referral
        }
      }
    }
    if (requester == null || requester.isEmpty()) {
      return new StartingReferral(null, null, null, null, null);
    }
    return new StartingReferral(requester, name, written, received, content);
  }
}
