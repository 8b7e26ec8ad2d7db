package no.forlop.pathway;

import no.forlop.catalog.CodeDefinition;
import no.forlop.catalog.Milestone;
import org.jspecify.annotations.Nullable;

/**
 * A code as it stands in a pathway: its key in the scheme (the suffix, or the milestone where the
 * official suffix is unknown), the milestone it marks, and the official code where both prefix and
 * suffix are known (e.g. {@code A12CK}).
 */
public record CodeRef(String key, Milestone milestone, @Nullable String official) {

  public static CodeRef of(CodeDefinition code, @Nullable String prefix) {
    var official = prefix != null && code.suffix() != null ? prefix + code.suffix() : null;
    return new CodeRef(code.key(), code.milestone(), official);
  }

  /** The official code, or the key where the official code is unknown. */
  public String display() {
    return official != null ? official : key;
  }
}
