package no.forlop.ingest.referral;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import no.forlop.catalog.Milestone;
import no.forlop.pathway.PathwayId;
import no.forlop.pathway.PathwayView;
import no.forlop.pathway.TrackedMilestone;
import org.jspecify.annotations.Nullable;

/**
 * Which pathway instance a referral started (ADR 0048): the one whose start names the referral
 * among its source events, as the derivation recorded it: the start code's sources (the referral,
 * then its receipt) or the tracked {@code REFERRAL_WRITTEN} milestone's (ADR 0044). Not by date: a
 * second referral of the same patient to the same trust is matched to the pathway it started, or to
 * none when it started none (one to a pathway the patient already had at the trust, one that was
 * rejected, one not derived yet).
 */
final class StartedPathways {

  /**
   * What a pathway instance records of its start.
   *
   * @param patient the patient's fødselsnummer or D-nummer
   * @param organisation the organisation number of the instance's trust
   * @param sources the source events of its start ({@code ServiceRequest/sr1})
   */
  record Start(PathwayId pathway, String patient, String organisation, Set<String> sources) {

    Start {
      sources = Set.copyOf(sources);
    }

    /** The start as the instance records it: its start codes' and referral milestone's sources. */
    static Start of(PathwayView view) {
      var sources = new LinkedHashSet<String>();
      view.codes().stream()
          .filter(c -> c.milestone() == Milestone.PATHWAY_START)
          .forEach(c -> sources.addAll(c.sources()));
      view.milestones().stream()
          .filter(m -> TrackedMilestone.REFERRAL_WRITTEN.equals(m.type()))
          .forEach(m -> sources.addAll(m.sources()));
      return new Start(view.id(), view.patient().value(), view.organisation().value(), sources);
    }
  }

  private final List<Start> starts;

  StartedPathways(Collection<Start> starts) {
    this.starts = List.copyOf(starts);
  }

  /**
   * The instance the referral started: the patient's instance at the receiver (any trust when the
   * referral names none) whose start names the referral; none when no instance's does.
   *
   * @param referral the referral's source event in its short form ({@code ServiceRequest/sr1})
   */
  Optional<PathwayId> startedBy(String patient, String referral, @Nullable String receiver) {
    return starts.stream()
        .filter(s -> s.patient().equals(patient))
        .filter(s -> receiver == null || s.organisation().equals(receiver))
        .filter(s -> s.sources().contains(referral))
        .map(Start::pathway)
        .min(Comparator.comparing(PathwayId::toString)); // one only, but the same one every time
  }
}
