package no.forlop.access;

import static org.assertj.core.api.Assertions.assertThat;

import no.forlop.testing.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** Signing in and out in a real browser. */
class SignInBrowserIT extends BrowserTest {

  @Test
  void a_coordinator_signs_in_with_the_form_and_sees_her_name() {
    signInAs("kari");
    assertThat(find(By.className("who")).getText()).isEqualTo("Kari Nordmann");
  }

  @Test
  void a_wrong_password_shows_a_message_in_norwegian() {
    browser.manage().deleteAllCookies();
    browser.get(url("/login"));
    find(By.id("username")).sendKeys("kari");
    find(By.id("password")).sendKeys("wrong");
    find(By.id("sign-in")).click();
    assertThat(find(By.className("error")).getText()).isEqualTo("Feil brukernavn eller passord.");
  }

  @Test
  void a_page_asks_for_sign_in_first() {
    browser.manage().deleteAllCookies();
    browser.get(url("/worklist"));
    assertThat(browser.getCurrentUrl()).contains("/login");
  }
}
