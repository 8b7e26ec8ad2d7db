package no.forlop.web;

import static org.assertj.core.api.Assertions.assertThat;

import no.forlop.testing.ApplicationTest;
import org.junit.jupiter.api.Test;

/**
 * Issue 16: the pages have an icon (an SVG the layout links), and a browser or tool that asks for
 * {@code /favicon.ico} on its own gets one too, signed in or not, instead of a 404.
 */
class FaviconIT extends ApplicationTest {

  @Test
  void the_icon_is_there_for_everyone_and_every_page_links_it() {
    var svg = get("/favicon.svg", AS, "nobody");
    assertThat(svg.status()).isEqualTo(200);
    assertThat(svg.contentType()).startsWith("image/svg+xml");
    assertThat(svg.body()).startsWith("<svg").contains("Forløp");

    var ico = get("/favicon.ico", AS, "nobody");
    assertThat(ico.status()).isEqualTo(200);
    assertThat(ico.contentType()).contains("icon");

    assertThat(get("/login", AS, "nobody").body())
        .contains("<link rel=\"icon\" type=\"image/svg+xml\" href=\"/favicon.svg\">");
  }
}
