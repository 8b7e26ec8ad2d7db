package no.forlop.ingest.fhir;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Why a resource of a delivery was rejected or ignored: a stable reason code (English capitals, for
 * integrations to key on), and the message key and arguments of its text, so the text can be given
 * in Norwegian bokmål (the default) or English. The texts are in {@code messages-intake.properties}
 * and {@code messages-intake_en.properties} under {@code intake.<CODE>} (a variant: {@code
 * intake.<CODE>.<variant>}, falling back to the code's own); an argument may itself be a {@link
 * Phrase}, rendered in the same language. Texts never hold a value from the resource that could be
 * personal data: only element names, types, ids and positions.
 *
 * @param code the stable reason code, e.g. {@code MISSING_ELEMENT}
 * @param key the message key of the text
 * @param args the text's arguments, each a string or a {@link Phrase} ({@code {0}} is the resource
 *     as the sender knows it)
 */
public record IntakeReason(String code, String key, List<Object> args) {

  /** The message keys of intake texts start with this, followed by the reason code. */
  public static final String KEY_PREFIX = "intake.";

  /** The base name of the message files. */
  public static final String BUNDLE = "messages-intake";

  /** Norwegian bokmål, the default language of every text. */
  public static final Locale NORWEGIAN = Locale.forLanguageTag("nb");

  private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");
  private static final ConcurrentHashMap<Locale, ResourceBundle> BUNDLES =
      new ConcurrentHashMap<>();

  public IntakeReason {
    if (!CODE.matcher(code).matches()) {
      throw new IllegalArgumentException("a reason code is capitals and _: " + code);
    }
    args = List.copyOf(args);
  }

  /** A reason whose text is {@code intake.<CODE>}. */
  public static IntakeReason of(String code, Object... args) {
    return new IntakeReason(code, KEY_PREFIX + code, arguments(args));
  }

  /**
   * A reason whose text has a key of its own (the FHIR endpoint's texts, {@code fhir.<CODE>…}, are
   * in the same files).
   */
  public static IntakeReason keyed(String code, String key, Object... args) {
    return new IntakeReason(code, key, arguments(args));
  }

  /** A reason whose text is a variant of the code's: {@code intake.<CODE>.<variant>}. */
  public static IntakeReason variant(String code, String variant, Object... args) {
    return new IntakeReason(code, KEY_PREFIX + code + "." + variant, arguments(args));
  }

  /** The text in Norwegian bokmål. */
  public String norwegian() {
    return text(NORWEGIAN);
  }

  /** The text in English (logs, the command line). */
  public String english() {
    return text(Locale.ENGLISH);
  }

  /** The text in this language (English for any English locale, else Norwegian bokmål). */
  public String text(Locale locale) {
    var language = "en".equals(locale.getLanguage()) ? Locale.ENGLISH : NORWEGIAN;
    return format(key, args, language);
  }

  @Override
  public String toString() {
    return code + ": " + english();
  }

  /**
   * A part of a text that is itself translated (a question, the kind of a JSON value), given as an
   * argument of a reason.
   *
   * @param key the message key of the part ({@code intake.question.patientSeen})
   */
  public record Phrase(String key, List<Object> args) {

    public Phrase {
      args = List.copyOf(args);
    }

    /** The phrase in English. */
    public String english() {
      return format(key, args, Locale.ENGLISH);
    }

    /** The phrase {@code intake.<key>}. */
    public static Phrase of(String key, Object... args) {
      return new Phrase(KEY_PREFIX + key, arguments(args));
    }
  }

  private static List<Object> arguments(Object[] args) {
    return Arrays.stream(args)
        .map(a -> a instanceof Phrase ? a : (Object) (a == null ? "" : a.toString()))
        .toList();
  }

  private static String format(String key, List<Object> args, Locale language) {
    var rendered = new Object[args.size()];
    for (int i = 0; i < rendered.length; i++) {
      rendered[i] =
          args.get(i) instanceof Phrase phrase
              ? format(phrase.key(), phrase.args(), language)
              : args.get(i);
    }
    return new MessageFormat(pattern(key, language), language).format(rendered);
  }

  private static String pattern(String key, Locale language) {
    var bundle =
        BUNDLES.computeIfAbsent(
            language,
            l ->
                ResourceBundle.getBundle(
                    BUNDLE,
                    l,
                    ResourceBundle.Control.getNoFallbackControl(
                        ResourceBundle.Control.FORMAT_PROPERTIES)));
    try {
      return bundle.getString(key);
    } catch (MissingResourceException e) {
      var dot = key.lastIndexOf('.');
      if (dot > 0 && key.indexOf('.') < dot) {
        return pattern(key.substring(0, dot), language);
      }
      throw new IllegalStateException("no intake text " + key + " in " + language, e);
    }
  }
}
