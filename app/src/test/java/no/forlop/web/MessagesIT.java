package no.forlop.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import no.forlop.testing.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

/** Every module's message bundle is part of the one message source. */
class MessagesIT extends ApplicationTest {

  @Autowired MessageSource messages;

  @Test
  void module_bundles_resolve_in_both_languages() {
    assertThat(messages.getMessage("worklist.title", null, Locale.forLanguageTag("nb")))
        .isEqualTo("Arbeidsliste");
    assertThat(messages.getMessage("worklist.title", null, Locale.ENGLISH)).isEqualTo("Worklist");
  }
}
