package no.forlop.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The language of pages and API texts: the user's choice (the cookie), else the browser's or
 * client's {@code Accept-Language}, else Norwegian bokmål (issue 16).
 */
class LanguageConfigurationTest {

  private static final Locale NB = LanguageConfiguration.NORWEGIAN;

  @Test
  void the_header_chooses_english_only_when_it_prefers_english_to_norwegian() {
    assertThat(LanguageConfiguration.preferred("en")).isEqualTo(Locale.ENGLISH);
    assertThat(LanguageConfiguration.preferred("en-GB,en;q=0.9")).isEqualTo(Locale.ENGLISH);
    assertThat(LanguageConfiguration.preferred("de-DE,en;q=0.8,nb;q=0.5"))
        .isEqualTo(Locale.ENGLISH);
    assertThat(LanguageConfiguration.preferred("nb-NO,nb;q=0.9,en;q=0.8")).isEqualTo(NB);
    assertThat(LanguageConfiguration.preferred("en;q=0.5,no;q=0.9")).isEqualTo(NB);
    assertThat(LanguageConfiguration.preferred("nn")).isEqualTo(NB);
    assertThat(LanguageConfiguration.preferred("nb")).isEqualTo(NB);
  }

  @Test
  void no_header_an_unread_header_or_neither_language_is_norwegian() {
    assertThat(LanguageConfiguration.preferred(null)).isEqualTo(NB);
    assertThat(LanguageConfiguration.preferred("")).isEqualTo(NB);
    assertThat(LanguageConfiguration.preferred("de, fr")).isEqualTo(NB);
    assertThat(LanguageConfiguration.preferred("en;q=0")).isEqualTo(NB);
    assertThat(LanguageConfiguration.preferred(";;q=x")).isEqualTo(NB);
  }

  @Test
  void pages_and_apis_follow_the_header_and_the_cookie_wins_over_it() {
    var resolver = new LanguageConfiguration().localeResolver();
    for (var path : new String[] {"/worklist", "/pathways/1", "/api/v1/pathways", "/fhir"}) {
      var english = new MockHttpServletRequest("GET", path);
      english.addHeader("Accept-Language", "en-US,en;q=0.9");
      assertThat(resolver.resolveLocale(english)).as(path).isEqualTo(Locale.ENGLISH);
      var norwegian = new MockHttpServletRequest("GET", path);
      norwegian.addHeader("Accept-Language", "nb");
      assertThat(resolver.resolveLocale(norwegian)).as(path).isEqualTo(NB);
      assertThat(resolver.resolveLocale(new MockHttpServletRequest("GET", path)))
          .as(path)
          .isEqualTo(NB);
    }
    // the user chose Norwegian on a page (?lang=nb): the cookie wins over an English browser
    var chosen = new MockHttpServletResponse();
    resolver.setLocale(new MockHttpServletRequest(), chosen, NB);
    var request = new MockHttpServletRequest("GET", "/worklist");
    request.addHeader("Accept-Language", "en");
    request.setCookies(chosen.getCookie("forlop-lang"));
    assertThat(resolver.resolveLocale(request)).isEqualTo(NB);
  }
}
