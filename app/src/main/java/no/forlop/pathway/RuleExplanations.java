package no.forlop.pathway;

import java.util.Optional;
import no.forlop.catalog.Localized;

/**
 * What the rules that derive codes say of themselves, for explaining a derived code on a page: the
 * rule set in force and the plain-language question each rule answers. The pathway module owns the
 * question; the module that derives codes answers it, so the pages explaining a code need not know
 * how codes are derived.
 */
public interface RuleExplanations {

  /** The version of the rule set in force. */
  String ruleSetVersion();

  /** The question a rule answers, if the rule set in force has that rule. */
  Optional<Localized> question(String ruleId);
}
