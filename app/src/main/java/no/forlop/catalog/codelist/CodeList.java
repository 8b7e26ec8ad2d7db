package no.forlop.catalog.codelist;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An official code list as read from a file: kodeverk 8480 (pakkeforløp for kreft) or 9321
 * (nasjonale pasientforløp for psykisk helse og rus), either as a FHIR R4 {@code CodeSystem} or as
 * a plain {@code code;text} export.
 *
 * @param name the file's name as the administrator gave it
 * @param system the CodeSystem's canonical URL or identifier (e.g. {@code
 *     urn:oid:2.16.578.1.12.4.1.1.8480}); {@code null} for a plain export
 * @param version the CodeSystem's version; {@code null} for a plain export
 * @param title the CodeSystem's title or name; {@code null} for a plain export
 */
public record CodeList(
    String name,
    Format format,
    @Nullable String system,
    @Nullable String version,
    @Nullable String title,
    List<Entry> entries) {

  public CodeList {
    entries = List.copyOf(entries);
  }

  public enum Format {
    FHIR_CODE_SYSTEM,
    CODE_TEXT
  }

  /**
   * One code of the list.
   *
   * @param where the line of a plain export, or the position in the CodeSystem ({@code
   *     CodeSystem.concept[3]})
   */
  public record Entry(String code, String text, String where) {

    /** The pathway prefix of the code: a capital letter and two digits ({@code A12}). */
    public String prefix() {
      return code.substring(0, 3);
    }

    /**
     * What follows the prefix ({@code CK} of {@code A12CK}); empty for a type code ({@code D11}).
     */
    public String suffix() {
      return code.substring(3);
    }
  }
}
