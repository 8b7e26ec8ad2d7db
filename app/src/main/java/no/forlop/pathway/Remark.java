package no.forlop.pathway;

import com.fasterxml.jackson.annotation.JsonValue;
import io.swagger.v3.oas.annotations.media.Schema;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * A remark kept with a code: why it is only proposed, why it was withdrawn or corrected. Either a
 * person's own words, kept as written, or a text of Forløp's own, kept as a message key and its
 * arguments so that each reader gets it in their language (Norwegian bokmål, or English): the key
 * is looked up in the message files {@code messages*.properties} ({@code rejection.<REASON>},
 * {@code remark.<…>}, {@code derivation.note.<…>}, {@code mdt.note.<…>}). Arguments are codes,
 * dates and ids, never personal data. In JSON a remark is its English text, as before remarks had
 * keys.
 *
 * @param key the message key, or {@code null} for a person's own words
 * @param args the message's arguments; a person's words are the single argument
 */
@Schema(type = "string", description = "the remark, in English")
public record Remark(@Nullable String key, List<String> args) {

  /** The message files a key is looked up in, in this order. */
  static final List<String> BUNDLES =
      List.of("messages", "messages-pathway", "messages-derivation", "messages-mdt");

  private static final Locale NORWEGIAN = Locale.forLanguageTag("nb");

  private static final ConcurrentHashMap<String, ResourceBundle> LOADED = new ConcurrentHashMap<>();

  public Remark {
    args = List.copyOf(args);
    if (key == null && args.size() != 1) {
      throw new IllegalArgumentException("a person's remark is one text");
    }
  }

  /** A person's own words, kept as written. */
  public static Remark written(String text) {
    return new Remark(null, List.of(text));
  }

  /** A person's own words, or none. */
  public static @Nullable Remark writtenOrNull(@Nullable String text) {
    return text == null ? null : written(text);
  }

  /** A text of Forløp's own: its message key and arguments (each kept as its text). */
  public static Remark of(String key, Object... args) {
    return new Remark(key, Arrays.stream(args).map(String::valueOf).toList());
  }

  /** The coding rules' reason for refusing a code. */
  public static Remark of(Rejection rejection) {
    return new Remark("rejection." + rejection.reason().name(), rejection.args());
  }

  /** Whether these are a person's own words. */
  public boolean isWritten() {
    return key == null;
  }

  /** The text in English (the API, logs, the command line). */
  @JsonValue
  public String english() {
    return text(Locale.ENGLISH);
  }

  /**
   * The text in this language: English for any English locale, else Norwegian bokmål. A person's
   * words are as written; a key no message file has is given as the key and its arguments.
   */
  public String text(Locale locale) {
    if (key == null) {
      return args.get(0);
    }
    var language = "en".equals(locale.getLanguage()) ? Locale.ENGLISH : NORWEGIAN;
    var pattern = pattern(key, language);
    if (pattern == null) {
      return key + " " + args;
    }
    var format = new MessageFormat(pattern, language);
    return format.format(arguments(format));
  }

  /** The arguments, each a number where the pattern formats it as one (e.g. a choice). */
  private Object[] arguments(MessageFormat format) {
    var formats = format.getFormatsByArgumentIndex();
    var values = new Object[args.size()];
    for (int i = 0; i < values.length; i++) {
      var text = args.get(i);
      values[i] =
          i < formats.length && formats[i] instanceof NumberFormat && text.matches("-?\\d+")
              ? Long.valueOf(text)
              : text;
    }
    return values;
  }

  /** The message pattern of a key in a language, or {@code null} if no message file has it. */
  public static @Nullable String pattern(String key, Locale language) {
    for (var name : BUNDLES) {
      var bundle = bundle(name, language);
      if (bundle != null && bundle.containsKey(key)) {
        return bundle.getString(key);
      }
    }
    return null;
  }

  private static @Nullable ResourceBundle bundle(String name, Locale language) {
    var cacheKey = name + "_" + language.getLanguage();
    var cached = LOADED.get(cacheKey);
    if (cached != null) {
      return cached;
    }
    try {
      var bundle =
          ResourceBundle.getBundle(
              name,
              language,
              Remark.class.getClassLoader(),
              ResourceBundle.Control.getNoFallbackControl(
                  ResourceBundle.Control.FORMAT_PROPERTIES));
      LOADED.put(cacheKey, bundle);
      return bundle;
    } catch (MissingResourceException e) {
      return null;
    }
  }

  @Override
  public String toString() {
    return english();
  }
}
