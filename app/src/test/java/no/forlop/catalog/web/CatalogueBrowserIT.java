package no.forlop.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;

import no.forlop.testing.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The national catalogue in a real browser (the README's screenshot of it comes from here). */
class CatalogueBrowserIT extends BrowserTest {

  @Test
  void a_coordinator_reads_the_catalogue_in_norwegian() throws Exception {
    signInAs("kari");
    browser.get(url("/catalogue"));

    assertThat(find(By.tagName("h1")).getText()).isEqualTo("Nasjonal forløpskatalog");
    assertThat(find(By.id("catalogue-version")).getText()).isEqualTo("2026.12.2");
    assertThat(find(By.id("pathways")).getText())
        .contains("A12", "Pakkeforløp for tykk- og endetarmskreft");
  }

  @Test
  void anyone_may_read_it_and_switch_to_english() {
    browser.manage().deleteAllCookies();
    browser.get(url("/catalogue?lang=en"));

    assertThat(find(By.tagName("h1")).getText()).isEqualTo("National pathway catalogue");
    assertThat(find(By.id("pathways")).getText()).contains("Colorectal cancer pathway");
    browser.manage().deleteAllCookies();
  }
}
