package no.forlop.pathway;

import java.util.List;
import no.forlop.pathway.InvalidPathwayRequestException.Problem;

/**
 * What the pathway rules would not take from the derivation, as a value with a stable code: a
 * pathway instance that could not be opened, or a derived code refused even as a proposal.
 */
public sealed interface DerivationRefusal {

  /**
   * The instance could not be opened (e.g. a second mental-health pathway while one is open: which
   * type is right is a clinical judgement).
   *
   * @param problem the stable code; its text is {@code problem.<PROBLEM>} in the message files
   * @param args the arguments of that text
   */
  record NotOpened(DerivedInstance instance, Problem problem, List<Object> args)
      implements DerivationRefusal {

    public NotOpened {
      args = List.copyOf(args);
    }

    /**
     * Why, as a remark in the reader's language (a catalogue name given in both languages is kept
     * in Norwegian bokmål).
     */
    public Remark remark() {
      return new Remark(
          "problem." + problem.name(),
          args.stream()
              .map(a -> a instanceof no.forlop.catalog.Localized l ? l.nb() : String.valueOf(a))
              .toList());
    }

    /** The English text, as {@link InvalidPathwayRequestException#getMessage()} gives it. */
    public String englishText() {
      return InvalidPathwayRequestException.englishText(problem, args);
    }
  }

  /**
   * The coding rules refused the derived code even as a proposal; nothing was recorded.
   *
   * @param rejection the stable code ({@code rejection.<REASON>}) and its arguments
   */
  record NotDerivable(DerivedCode code, Rejection rejection) implements DerivationRefusal {}
}
