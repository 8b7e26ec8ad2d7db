package no.forlop.pathway.web;

import no.forlop.pathway.domain.Rejection;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Turns a rejection into text in the user's language (Norwegian bokmål unless English). */
@Component
class RejectionTexts {

  private final MessageSource messages;

  RejectionTexts(MessageSource messages) {
    this.messages = messages;
  }

  String text(Rejection rejection) {
    return messages.getMessage(
        "rejection." + rejection.reason().name(),
        rejection.args().toArray(),
        rejection.englishText(),
        LocaleContextHolder.getLocale());
  }
}
