package no.forlop.coordinator.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import no.forlop.access.Users;
import no.forlop.calendar.OsloTime;
import no.forlop.catalog.Localized;
import no.forlop.pathway.InvalidPathwayRequestException;
import no.forlop.pathway.Rejection;
import no.forlop.pathway.Remark;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Understands how the pathway pages say things in the user's language: dates and times (patterns
 * from the message files), catalogue texts, who did something, and why a change was refused (the
 * {@code rejection.*} texts, as the REST API gives them).
 */
@Component
public class Texts {

  public static final String DERIVATION_ACTOR = "system:derivation";

  private final MessageSource messages;
  private final Users users;

  Texts(MessageSource messages, Users users) {
    this.messages = messages;
    this.users = users;
  }

  public Locale locale() {
    return LocaleContextHolder.getLocale();
  }

  public boolean english() {
    return "en".equals(locale().getLanguage());
  }

  public String message(String key, Object... args) {
    return messages.getMessage(key, args, locale());
  }

  public @Nullable String messageOrNull(String key, Object... args) {
    return messages.getMessage(key, args, null, locale());
  }

  /** A date as the pages show it (e.g. 04.03.2024). */
  public String date(LocalDate date) {
    return DateTimeFormatter.ofPattern(message("pathway.format.date"), locale()).format(date);
  }

  /** A date in words, for the patient (e.g. 4. mars 2024). */
  public String dateInWords(LocalDate date) {
    return DateTimeFormatter.ofPattern(message("plan.format.date"), locale()).format(date);
  }

  /** A moment in Oslo time (e.g. 04.03.2024 kl. 09:10). */
  public String time(Instant instant) {
    return DateTimeFormatter.ofPattern(message("pathway.format.time"), locale())
        .withZone(OsloTime.ZONE)
        .format(instant);
  }

  public String in(Localized text) {
    return text.in(english() ? "en" : "nb");
  }

  /**
   * A name as it reads inside a Norwegian sentence: "Utredning og behandling …" becomes "utredning
   * og behandling …", while an abbreviation ("TSB …") or an English name stays as it is.
   */
  public String inSentence(String name) {
    if (english()
        || name.length() < 2
        || !Character.isUpperCase(name.charAt(0))
        || !Character.isLowerCase(name.charAt(1))) {
      return name;
    }
    return Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }

  /** Who did something: the user's name, or what the system component is. */
  public String actor(String id) {
    if (DERIVATION_ACTOR.equals(id)) {
      return message("pathway.actor.derivation");
    }
    if (id.startsWith("system:")) {
      return message("pathway.actor.system");
    }
    return users.find(id).map(u -> u.name()).orElse(id);
  }

  /**
   * Why a request was refused ({@code problem.*}, as the REST API gives it, with dates as the pages
   * show them), or the exception's own message where the problem has no text.
   */
  public String refusal(InvalidPathwayRequestException e) {
    var language = english() ? "en" : "nb";
    var args =
        e.args().stream()
            .map(
                a ->
                    a instanceof Localized l
                        ? l.in(language)
                        : a instanceof LocalDate d
                            ? date(d)
                            : a instanceof String text ? argument(text) : a)
            .toArray();
    return messages.getMessage(e.messageKey(), args, e.getMessage(), locale());
  }

  /**
   * Why a change was refused, in plain language (Norwegian unless the user chose English), with its
   * dates as the pages show them.
   */
  public String rejection(Rejection rejection) {
    return messages.getMessage(
        "rejection." + rejection.reason().name(),
        rejection.args().stream().map(this::argument).toArray(),
        rejection.englishText(),
        locale());
  }

  /**
   * A remark kept with a code: a person's words as written, Forløp's own in the user's language
   * with its dates as the pages show them.
   */
  public @Nullable String remark(@Nullable Remark remark) {
    if (remark == null) {
      return null;
    }
    if (remark.isWritten()) {
      return remark.text(locale());
    }
    return new Remark(remark.key(), remark.args().stream().map(this::argument).toList())
        .text(locale());
  }

  /**
   * An argument of a message as the pages show it: a date (kept as {@code yyyy-MM-dd} in a
   * rejection or remark) as the pages write dates; anything else as it is.
   */
  public String argument(String argument) {
    if (ISO_DATE.matcher(argument).matches()) {
      try {
        return date(LocalDate.parse(argument));
      } catch (java.time.format.DateTimeParseException e) {
        return argument;
      }
    }
    return argument;
  }

  private static final java.util.regex.Pattern ISO_DATE =
      java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
}
