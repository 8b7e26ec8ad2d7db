package no.forlop.pathway;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import no.forlop.pathway.InvalidPathwayRequestException.Problem;
import org.jspecify.annotations.Nullable;

/**
 * The organisation that owns a pathway instance: its organisasjonsnummer (e.g. {@code 983974899})
 * or another identifier of 1–40 letters or digits (after the first, also {@code . : -}), as the
 * pathway has always accepted. Written as that text (in JSON, URLs and pages), so these read as
 * before.
 */
@Schema(type = "string", description = "the owning organisation (organisasjonsnummer)")
public record OrganisationNumber(String value) {

  private static final Pattern FORM = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.:-]{0,39}");

  /**
   * @throws InvalidPathwayRequestException ({@code INVALID_ORGANISATION}) when the text is not one
   */
  public OrganisationNumber {
    if (!isValid(value)) {
      throw InvalidPathwayRequestException.of(Problem.INVALID_ORGANISATION, String.valueOf(value));
    }
  }

  /**
   * The organisation written as text.
   *
   * @throws InvalidPathwayRequestException ({@code INVALID_ORGANISATION}) when the text is not one
   */
  @JsonCreator
  public static OrganisationNumber of(String text) {
    return new OrganisationNumber(text);
  }

  /** Whether the text is an organisation the pathway accepts. */
  public static boolean isValid(@Nullable String text) {
    return text != null && FORM.matcher(text).matches();
  }

  /**
   * Why the text is not an organisation, in English as the refusal to open a pathway there reads
   * ({@code INVALID_ORGANISATION}), or empty when it is one.
   */
  public static Optional<String> problemWith(@Nullable String text) {
    return isValid(text)
        ? Optional.empty()
        : Optional.of(
            InvalidPathwayRequestException.englishText(
                Problem.INVALID_ORGANISATION, List.of(String.valueOf(text))));
  }

  @JsonValue
  @Override
  public String toString() {
    return value;
  }
}
