package no.forlop.coding.domain;

import static no.forlop.coding.domain.DerivationContext.date;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import no.forlop.catalog.PathwayDefinition;
import no.forlop.catalog.PathwayKind;
import no.forlop.catalog.StartRule.StartBasis;
import no.forlop.coding.ClinicalEvent.Referral;
import no.forlop.coding.Code;
import no.forlop.pathway.CodeState;
import no.forlop.terminology.domain.ConceptMatch;
import org.jspecify.annotations.Nullable;

/**
 * Rule family: pathway starts. Which referrals start a pathway (by their pathway code, or for
 * priority PK the pathway their ICD-10 reason points to) and the start date of a cancer pathway:
 * received ({@code START-REFERRAL-RECEIVED}), else written ({@code START-REFERRAL-AUTHORED}), a
 * suspicion in hospital ({@code START-SUSPICION-IN-HOSPITAL}) or inferred ({@code
 * START-PK-INFERRED}). Mental-health starts are {@link MentalHealthStarts}'. A referral from one
 * organisation to another is also noted as sent, for the transfer, unless it is only for an
 * examination or advice from a trust in the pathway: then it is neither a transfer nor a start
 * (listed as ignored).
 */
final class Starts {

  /** A referral that starts a pathway instance, dated by its rule. */
  record Start(
      Referral referral,
      PathwayDefinition pathway,
      String organisation,
      @Nullable String requester,
      LocalDate date,
      RuleId rule,
      List<String> sources,
      Map<String, String> inputs,
      StartBasis basis,
      CodeState state) {}

  /**
   * A pathway referral from one organisation to another: the sender's transfer.
   *
   * @param maybeNotTransfer a concept of {@code TRANSFER-SENT}'s {@code notTransferConcepts} the
   *     referral means only through an unverified mapping: the transfer is then only proposed
   */
  record Sent(
      Referral referral,
      PathwayDefinition pathway,
      String requester,
      String receiver,
      @Nullable ConceptMatch maybeNotTransfer) {}

  /**
   * A cancer pathway referral from one organisation to another outside the pathway (a private
   * clinic, abroad: {@code END-OUTSIDE-PATHWAY}'s concepts): no transfer, no start at the receiver;
   * the sender's pathway is proposed to end (X) the day it was sent.
   */
  record Outside(
      Referral referral, PathwayDefinition pathway, String requester, ConceptMatch match) {
    LocalDate sentOn() {
      return date(referral.authoredOn());
    }
  }

  private record PathwayChoice(PathwayDefinition definition, CodeState state) {}

  private final DerivationContext context;
  private final MentalHealthStarts mentalHealth;
  private final List<Sent> sent = new ArrayList<>();
  private final List<Outside> outside = new ArrayList<>();

  Starts(DerivationContext context) {
    this.context = context;
    this.mentalHealth = new MentalHealthStarts(context);
  }

  /** The referrals sent from one organisation to another, found while finding the starts. */
  List<Sent> sent() {
    return sent;
  }

  /** The referrals sent outside the pathway from a trust in it, found while finding the starts. */
  List<Outside> outside() {
    return outside;
  }

  List<Start> starts() {
    var facts = context.facts;
    var starts = new ArrayList<Start>();
    var examinationOrAdvice = new LinkedHashMap<Referral, ConceptMatch>();
    var ignored = context.parameter(RuleId.START_REFERRAL_RECEIVED, "ignoredReferralStatuses");
    for (var referral : facts.all(Referral.class)) {
      if (ignored.contains(referral.status())) {
        continue;
      }
      var pathway = pathwayOf(referral);
      if (pathway == null) {
        continue;
      }
      var performer = facts.organisationNumber(referral.performer());
      if (referral.performer() == null) {
        context.problem(referral.source().display(), ProblemCode.REFERRAL_WITHOUT_PERFORMER);
        continue;
      }
      if (performer == null) {
        context.problem(
            referral.source().display(),
            ProblemCode.ORGANISATION_NEVER_RECEIVED,
            referral.performer());
        continue;
      }
      var requester = facts.organisationNumber(referral.requester());
      if (requester != null && !requester.equals(performer)) {
        var notTransfer = notTransfer(referral, pathway.definition);
        if (notTransfer.filter(ConceptMatch::verified).isPresent()) {
          examinationOrAdvice.put(referral, notTransfer.get());
        }
        outsideThePathway(referral, pathway.definition)
            .ifPresent(
                match -> outside.add(new Outside(referral, pathway.definition, requester, match)));
        sent.add(
            new Sent(referral, pathway.definition, requester, performer, notTransfer.orElse(null)));
      }
      var start =
          pathway.definition.kind().isCancer()
              ? cancerStart(referral, pathway.definition, performer, requester, pathway.state)
              : mentalHealth.start(
                  referral, pathway.definition, performer, requester, pathway.state);
      if (start != null) {
        starts.add(start);
      }
    }
    leaveOutExaminationsAndAdvice(starts, examinationOrAdvice);
    leaveOutReferralsOutside(starts);
    return starts;
  }

  /**
   * A referral outside the pathway (a private clinic, abroad), from a trust whose own pathway had
   * started by the day it was sent, is neither a transfer nor a start at the receiver: it is left
   * out and listed as ignored with why, and kept for the sender's X ({@code END-OUTSIDE-PATHWAY}).
   * From a trust not in the pathway it stays a referral.
   */
  private void leaveOutReferralsOutside(List<Start> starts) {
    for (var it = outside.iterator(); it.hasNext(); ) {
      var referral = it.next();
      var senderInPathway =
          starts.stream()
              .anyMatch(
                  s ->
                      s.referral() != referral.referral()
                          && s.pathway().id().equals(referral.pathway().id())
                          && s.organisation().equals(referral.requester())
                          && !s.date().isAfter(referral.sentOn()));
      if (!senderInPathway) {
        it.remove();
        continue;
      }
      starts.removeIf(s -> s.referral() == referral.referral());
      sent.removeIf(x -> x.referral() == referral.referral());
      var match = referral.match();
      context.problem(
          referral.referral().source().display(),
          ProblemCode.REFERRAL_OUTSIDE_PATHWAY,
          match.coding().display(),
          match.concept(),
          match.mapping().terminology());
    }
  }

  /** Whether a cancer pathway referral means it goes outside the pathway (private, abroad). */
  private java.util.Optional<ConceptMatch> outsideThePathway(
      Referral referral, PathwayDefinition pathway) {
    if (!context
        .parameter(RuleId.END_OUTSIDE_PATHWAY, "pathwayKinds")
        .contains(pathway.kind().name())) {
      return java.util.Optional.empty();
    }
    return context.conceptMatch(referral.codes(), RuleId.END_OUTSIDE_PATHWAY, "concepts");
  }

  /**
   * A referral only for an examination or advice, from a trust whose own pathway had started by the
   * day it was sent, is neither that trust's transfer nor a start at the receiver: it is left out,
   * and listed as ignored with why. From a trust not in the pathway it stays a referral.
   */
  private void leaveOutExaminationsAndAdvice(
      List<Start> starts, Map<Referral, ConceptMatch> examinationOrAdvice) {
    for (var entry : examinationOrAdvice.entrySet()) {
      var referral = entry.getKey();
      var sending = sent.stream().filter(x -> x.referral() == referral).findFirst().orElseThrow();
      var sentOn = date(referral.authoredOn());
      var senderInPathway =
          starts.stream()
              .anyMatch(
                  s ->
                      s.referral() != referral
                          && s.pathway().id().equals(sending.pathway().id())
                          && s.organisation().equals(sending.requester())
                          && !s.date().isAfter(sentOn));
      if (!senderInPathway) {
        continue;
      }
      starts.removeIf(s -> s.referral() == referral);
      sent.remove(sending);
      var match = entry.getValue();
      context.problem(
          referral.source().display(),
          ProblemCode.REFERRAL_FOR_EXAMINATION_OR_ADVICE,
          match.coding().display(),
          match.concept(),
          match.mapping().terminology());
    }
  }

  /**
   * Whether a cancer pathway referral to another trust means it is only for a particular
   * examination or for advice ({@code TRANSFER-SENT}'s {@code notTransferConcepts}, in its {@code
   * code} or {@code category}): then the responsibility does not move, and the coding guide codes
   * no transfer. Mental-health referrals are always transfers.
   */
  private java.util.Optional<ConceptMatch> notTransfer(
      Referral referral, PathwayDefinition pathway) {
    if (!pathway.kind().isCancer()) {
      return java.util.Optional.empty();
    }
    return context.conceptMatch(referral.codes(), RuleId.TRANSFER_SENT, "notTransferConcepts");
  }

  private Start cancerStart(
      Referral referral,
      PathwayDefinition pathway,
      String performer,
      @Nullable String requester,
      CodeState state) {
    var sources = new ArrayList<String>(List.of(referral.source().display()));
    var inputs = new LinkedHashMap<String, String>();
    if (performer.equals(requester)) {
      inputs.put("suspicionDocumentedOn", date(referral.authoredOn()).toString());
      return new Start(
          referral,
          pathway,
          performer,
          requester,
          date(referral.authoredOn()),
          RuleId.START_SUSPICION_IN_HOSPITAL,
          sources,
          inputs,
          StartBasis.SUSPICION_IN_HOSPITAL,
          state);
    }
    var received =
        context.earliestTask(
            referral, performer, context.parameter(RuleId.START_REFERRAL_RECEIVED, "taskStatuses"));
    var inferred = state == CodeState.PROPOSED;
    // the day the hospital received the referral; without a receipt, the day it was written
    var day = date(received != null ? received.authoredOn() : referral.authoredOn());
    if (received != null) {
      sources.add(received.source().display());
      inputs.put("receivedOn", day.toString());
    } else {
      inputs.put("referralAuthoredOn", day.toString());
    }
    var rule =
        inferred
            ? RuleId.START_PK_INFERRED
            : received != null ? RuleId.START_REFERRAL_RECEIVED : RuleId.START_REFERRAL_AUTHORED;
    return new Start(
        referral,
        pathway,
        performer,
        requester,
        day,
        rule,
        sources,
        inputs,
        StartBasis.REFERRAL_RECEIVED,
        state);
  }

  /** The pathway a referral names, or (priority PK) the one its ICD-10 reason points to. */
  private @Nullable PathwayChoice pathwayOf(Referral referral) {
    var catalogue = context.catalogue;
    var on = date(referral.authoredOn());
    for (var code : referral.codes()) {
      if (!Code.PATHWAY_CODES.equals(code.system())) {
        continue;
      }
      var text = code.code().strip().toUpperCase(Locale.ROOT);
      var prefix = text.length() >= 3 ? text.substring(0, 3) : text;
      var pathway = catalogue.pathwayByPrefix(prefix, on);
      if (pathway.isEmpty()) {
        context.problem(
            referral.source().display(),
            ProblemCode.UNKNOWN_PATHWAY_CODE,
            code.code(),
            catalogue.version());
        return null;
      }
      return new PathwayChoice(pathway.get(), CodeState.REGISTERED);
    }
    var priorities = context.parameter(RuleId.START_PK_INFERRED, "priorityCodes");
    var isPathwayPriority =
        referral.codes().stream()
            .anyMatch(
                c -> Code.REFERRAL_PRIORITY.equals(c.system()) && priorities.contains(c.code()));
    if (!isPathwayPriority) {
      return null;
    }
    var candidates = new LinkedHashMap<String, PathwayDefinition>();
    for (var reason : referral.reasons()) {
      for (var pathway : catalogue.pathwaysForIcd10(reason.code(), on)) {
        if (pathway.kind() == PathwayKind.CANCER) {
          candidates.putIfAbsent(pathway.id(), pathway);
        }
      }
    }
    if (candidates.size() == 1) {
      return new PathwayChoice(candidates.values().iterator().next(), CodeState.PROPOSED);
    }
    if (candidates.isEmpty()) {
      context.problem(referral.source().display(), ProblemCode.PK_REFERRAL_WITHOUT_PATHWAY);
    } else {
      context.problem(
          referral.source().display(),
          ProblemCode.PK_REFERRAL_SEVERAL_PATHWAYS,
          candidates.keySet());
    }
    return null;
  }
}
