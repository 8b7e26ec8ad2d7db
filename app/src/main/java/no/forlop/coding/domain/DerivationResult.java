package no.forlop.coding.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import no.forlop.catalog.Milestone;
import no.forlop.catalog.StartRule.StartBasis;
import no.forlop.pathway.CodeState;
import no.forlop.pathway.Remark;
import org.jspecify.annotations.Nullable;

/**
 * What one patient's EHR facts mean for their pathways: the instances and the codes each should
 * carry, tracked milestones, and the facts that could not be used, with why.
 *
 * @param patientIdentifier the patient's fødselsnummer or D-nummer, once the Patient is known
 */
public record DerivationResult(
    String patient,
    @Nullable String patientIdentifier,
    List<Instance> instances,
    List<Problem> problems) {

  /**
   * A pathway instance: one pathway at one organisation for this patient.
   *
   * @param pathway the catalogue id of the pathway
   * @param organisation the organisation number
   * @param transferredFrom where a transfer in the same pathway opened this instance: the sender's
   *     instance and the day the referral was sent; {@code null} otherwise
   */
  public record Instance(
      String pathway,
      String organisation,
      LocalDate start,
      List<Code> codes,
      List<TrackedMilestone> milestones,
      @Nullable Transfer transferredFrom,
      List<Problem> unused) {

    public Instance {
      unused = List.copyOf(unused);
    }

    /**
     * An instance and its transfer, with no facts it could not use ({@code unused}: the problems of
     * the derivation that concern this instance, e.g. a treatment before its decision; also among
     * the result's problems).
     */
    public Instance(
        String pathway,
        String organisation,
        LocalDate start,
        List<Code> codes,
        List<TrackedMilestone> milestones,
        @Nullable Transfer transferredFrom) {
      this(pathway, organisation, start, codes, milestones, transferredFrom, List.of());
    }

    /** An instance no transfer opened. */
    public Instance(
        String pathway,
        String organisation,
        LocalDate start,
        List<Code> codes,
        List<TrackedMilestone> milestones) {
      this(pathway, organisation, start, codes, milestones, null);
    }
  }

  /**
   * The sending side of a transfer: the sender's instance (same pathway), found by its organisation
   * and start, and the day the referral was sent.
   */
  public record Transfer(String organisation, LocalDate senderStart, LocalDate sentOn) {}

  /**
   * A code the instance should carry, with its trace.
   *
   * @param key the code's key in the pathway's scheme (suffix, or milestone where unknown)
   * @param sources the source events, as {@code Type/id}
   * @param inputs the values the rule looked at (e.g. the ICD-10 code and the group it matched)
   * @param note why the code is only proposed, when it is
   */
  public record Code(
      String key,
      Milestone milestone,
      LocalDate date,
      CodeState state,
      String rule,
      List<String> sources,
      Map<String, String> inputs,
      @Nullable StartBasis startBasis,
      @Nullable Remark note) {}

  /**
   * A milestone Forløp tracks that is not a registry code (e.g. BIOPSY), with what it says beyond
   * its date, if anything ({@link no.forlop.pathway.TrackedMilestone#detail()}).
   */
  public record TrackedMilestone(
      String type, LocalDate date, String rule, List<String> sources, @Nullable String detail) {

    /** A milestone that says nothing beyond its date. */
    public TrackedMilestone(String type, LocalDate date, String rule, List<String> sources) {
      this(type, date, rule, sources, null);
    }
  }

  /**
   * A fact that was not used, with a reason a person can act on: a coded reason and its arguments,
   * rendered in the reader's language.
   *
   * @param source the fact as its sender knows it ({@code ServiceRequest/sr1})
   */
  public record Problem(String source, ProblemCode code, List<String> args) {

    public Problem {
      args = List.copyOf(args);
    }

    /** A problem with this code; each argument is kept as its text. */
    public static Problem of(String source, ProblemCode code, Object... args) {
      return new Problem(source, code, java.util.Arrays.stream(args).map(String::valueOf).toList());
    }

    /** The reason in English (logs, the command line, the replay report). */
    public String reason() {
      return code.text(Locale.ENGLISH, args);
    }

    /** The reason in this language (English for any English locale, else Norwegian bokmål). */
    public String text(Locale locale) {
      return code.text(locale, args);
    }
  }
}
