package no.forlop.pathway;

/**
 * A kind of remark Forløp writes itself, implemented by an enum whose constants name message keys
 * under one prefix ({@code remark.}, {@code derivation.note.}, {@code mdt.note.}): each constant's
 * key is the prefix and its name, and {@link #with} makes the remark.
 */
public interface RemarkKind {

  /** The constant's name (an enum's own). */
  String name();

  /** The prefix of the message keys, ending in a dot. */
  String keyPrefix();

  /** The message key of the remark's text. */
  default String key() {
    return keyPrefix() + name();
  }

  /** The remark with these arguments. */
  default Remark with(Object... args) {
    return Remark.of(key(), args);
  }
}
