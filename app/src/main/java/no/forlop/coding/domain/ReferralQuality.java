package no.forlop.coding.domain;

import static no.forlop.coding.domain.DerivationContext.date;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import no.forlop.catalog.StartRule.StartBasis;
import no.forlop.coding.ClinicalEvent.ReferralResponse;
import no.forlop.coding.domain.DerivationResult.TrackedMilestone;

/**
 * What the hospital measures of the referral that started a pathway, where it came from another
 * organisation (a GP's practice; ADR 0044): tracked, not coded. The day it was written and by whom
 * ({@code REFERRAL_WRITTEN}), the day the hospital received it ({@code REFERRAL_RECEIVED}, from its
 * receipt Task; none while no receipt is known), and, where the GP's answers to the entry criteria
 * came with it, whether every item of the pathway's required content is confirmed ({@code
 * REFERRAL_CONTENT_COMPLETE} or {@code _INCOMPLETE}); without answers that say so it is unknown.
 */
final class ReferralQuality {

  /** Only answers the GP gave as final count (not one in progress or entered in error). */
  static final Set<String> ANSWERED = Set.of("completed", "amended");

  private final DerivationContext context;

  ReferralQuality(DerivationContext context) {
    this.context = context;
  }

  void track(DraftInstance instance) {
    var start = instance.start;
    if (start.basis() != StartBasis.REFERRAL_RECEIVED) {
      return;
    }
    var referral = start.referral();
    var requester = context.facts.organisationNumber(referral.requester());
    if (requester == null || requester.equals(instance.organisation)) {
      return; // not from another organisation: no referrer to measure
    }
    var rule = start.rule().id();
    var record =
        referral.requester() == null
            ? null
            : context.facts.organisations().get(referral.requester());
    var name = record == null ? null : record.name();
    var referralSource = referral.source().display();
    instance.milestones.add(
        new TrackedMilestone(
            no.forlop.pathway.TrackedMilestone.REFERRAL_WRITTEN,
            date(referral.authoredOn()),
            rule,
            List.of(referralSource),
            name == null || name.isBlank() ? requester : requester + " " + name.strip()));
    var received = start.inputs().get("receivedOn");
    if (received != null) {
      instance.milestones.add(
          new TrackedMilestone(
              no.forlop.pathway.TrackedMilestone.REFERRAL_RECEIVED,
              LocalDate.parse(received),
              rule,
              start.sources()));
    }
    var key = referral.source().key();
    context.facts.all(ReferralResponse.class).stream()
        .filter(r -> r.referral().equals(key) && ANSWERED.contains(r.status()))
        .max(Comparator.comparing(ReferralResponse::authored))
        .filter(r -> r.complete() != null)
        .ifPresent(
            r ->
                instance.milestones.add(
                    new TrackedMilestone(
                        Boolean.TRUE.equals(r.complete())
                            ? no.forlop.pathway.TrackedMilestone.REFERRAL_CONTENT_COMPLETE
                            : no.forlop.pathway.TrackedMilestone.REFERRAL_CONTENT_INCOMPLETE,
                        date(r.authored()),
                        rule,
                        List.of(r.source().display(), referralSource),
                        r.confirmed() + "/" + r.requiredContent())));
  }
}
