package no.forlop.catalog;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import tools.jackson.core.JacksonException;

/**
 * What the sourced data files (the catalogue, the entry criteria) share when they are read: where
 * in the document a problem is, and the fingerprint of the content that was loaded.
 */
public final class DataFiles {

  private DataFiles() {}

  /** Where in the document a Jackson problem is, e.g. {@code pathways[3].signs}. */
  public static String place(List<JacksonException.Reference> refs) {
    var path = new StringBuilder();
    for (var ref : refs) {
      if (ref.getPropertyName() != null) {
        if (!path.isEmpty()) path.append('.');
        path.append(ref.getPropertyName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.isEmpty() ? "the top level" : path.toString();
  }

  /** The SHA-256 of the content, in hex. */
  public static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
