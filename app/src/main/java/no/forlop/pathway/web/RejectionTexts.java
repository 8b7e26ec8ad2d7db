package no.forlop.pathway.web;

import no.forlop.catalog.Localized;
import no.forlop.pathway.InvalidPathwayRequestException;
import no.forlop.pathway.domain.Rejection;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Turns a rejection or a refused request into text in the user's language (Norwegian bokmål unless
 * English).
 */
@Component
class RejectionTexts {

  private final MessageSource messages;

  RejectionTexts(MessageSource messages) {
    this.messages = messages;
  }

  /**
   * Why a request was refused: the problem's text in the message files ({@code error.pathway.*}),
   * or the exception's own message where the problem has none yet.
   */
  String text(InvalidPathwayRequestException e) {
    var locale = LocaleContextHolder.getLocale();
    var language = "en".equals(locale.getLanguage()) ? "en" : "nb";
    var args = e.args().stream().map(a -> a instanceof Localized l ? l.in(language) : a).toArray();
    return messages.getMessage(e.messageKey(), args, e.getMessage(), locale);
  }

  String text(Rejection rejection) {
    return messages.getMessage(
        "rejection." + rejection.reason().name(),
        rejection.args().toArray(),
        rejection.englishText(),
        LocaleContextHolder.getLocale());
  }
}
