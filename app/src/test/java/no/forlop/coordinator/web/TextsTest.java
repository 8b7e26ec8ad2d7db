package no.forlop.coordinator.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import no.forlop.access.Users;
import no.forlop.pathway.Rejection;
import no.forlop.pathway.Remark;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * What the domain says in codes and ISO dates, as the pages say it (issue 16): a refusal's and a
 * remark's dates as the pages write them (31.12.2024), in either language; a person's own words and
 * what only looks like a date stay as they are.
 */
class TextsTest {

  private final Texts texts = new Texts(messages(), Mockito.mock(Users.class));

  private static ResourceBundleMessageSource messages() {
    var source = new ResourceBundleMessageSource();
    source.setBasenames("messages", "messages-pathway", "messages-derivation");
    source.setDefaultEncoding("UTF-8");
    source.setFallbackToSystemLocale(false);
    return source;
  }

  @AfterEach
  void resetLocale() {
    LocaleContextHolder.resetLocaleContext();
  }

  @Test
  void a_refusal_writes_its_dates_as_the_page_does() {
    LocaleContextHolder.setLocale(Locale.forLanguageTag("nb"));
    var refusal = Rejection.of(Rejection.Reason.DATE_IN_FUTURE, "A12S", "2025-01-05", "2024-12-31");
    assertThat(texts.rejection(refusal))
        .isEqualTo("A12S er datert 05.01.2025, som er etter i dag (31.12.2024).");
    LocaleContextHolder.setLocale(Locale.ENGLISH);
    assertThat(texts.rejection(refusal))
        .isEqualTo("A12S is dated 05.01.2025, after today (31.12.2024).");
  }

  @Test
  void a_remark_of_forlops_own_writes_its_dates_as_the_page_does_a_persons_stays_as_written() {
    LocaleContextHolder.setLocale(Locale.forLanguageTag("nb"));
    assertThat(texts.remark(Remark.of("remark.DIFFERS_FROM_PERSON", "A12S", "2026-03-02")))
        .isEqualTo("Avviker fra koden en person har registrert: A12S 02.03.2026");
    assertThat(texts.remark(Remark.written("Flyttet fra 2024-12-01 etter avtale")))
        .isEqualTo("Flyttet fra 2024-12-01 etter avtale");
    assertThat(texts.remark(null)).isNull();
  }

  @Test
  void only_a_real_date_is_rewritten() {
    LocaleContextHolder.setLocale(Locale.forLanguageTag("nb"));
    assertThat(texts.argument("2024-12-31")).isEqualTo("31.12.2024");
    assertThat(texts.argument("2024-13-45")).isEqualTo("2024-13-45");
    assertThat(texts.argument("2024-12-31T10:00:00Z")).isEqualTo("2024-12-31T10:00:00Z");
    assertThat(texts.argument("A12CK")).isEqualTo("A12CK");
  }
}
