package no.forlop.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import no.forlop.access.Actor;
import no.forlop.pathway.CreatePathway;
import no.forlop.pathway.PathwayService;
import no.forlop.pathway.RegisterCode;
import no.forlop.testing.BrowserTest;
import no.forlop.testing.TestPatients;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The error pages in a real browser (issue 16): no such page, a bad page number, and a form sent
 * after the session ended, without a CSRF token or with a stale one. Each is a Norwegian page
 * within the Content-Security-Policy, with the way back; nothing of an expired form is saved.
 */
class ErrorPagesBrowserIT extends BrowserTest {

  static final Actor ADMIN = new Actor("admin", "PATIENT_CARE", Set.of("910000012", "910000020"));

  @Autowired PathwayService pathways;

  private UUID pathway;

  @BeforeEach
  void aPathway() {
    var patient = TestPatients.next();
    pathway =
        pathways
            .create(CreatePathway.of(patient, "colorectal", "910000012", null), ADMIN)
            .id()
            .value();
    pathways.register(
        new no.forlop.pathway.PathwayId(pathway),
        RegisterCode.manual("A12A", LocalDate.parse("2024-12-20")),
        ADMIN);
  }

  @Test
  void no_such_page_is_a_norwegian_page_with_the_way_back_to_the_worklist() throws Exception {
    signInAs("kari");
    contentSecurityPolicyViolations();
    browser.get(url("/no/such/page"));
    assertThat(find(By.tagName("h1")).getText()).isEqualTo("Fant ikke siden");
    assertThat(find(By.tagName("html")).getAttribute("lang")).isEqualTo("nb");
    assertThat(find(By.tagName("body")).getText())
        .contains("Feilkode 404")
        .doesNotContain("timestamp")
        .doesNotContain("Whitelabel");
    assertThat(contentSecurityPolicyViolations()).isEmpty();
    screenshot("error-not-found");
    find(By.id("way-back")).click();
    waitFor(ExpectedConditions.urlContains("/worklist"));
    assertThat(find(By.tagName("h1")).getText()).isEqualTo("Arbeidsliste");
  }

  @Test
  void a_page_number_that_is_no_number_shows_the_worklist() {
    signInAs("kari");
    browser.get(url("/worklist?page=abc"));
    assertThat(find(By.tagName("h1")).getText()).isEqualTo("Arbeidsliste");
    browser.get(url("/worklist?page=99999"));
    assertThat(find(By.tagName("h1")).getText()).isEqualTo("Arbeidsliste");
    assertThat(find(By.tagName("body")).getText()).doesNotContain("Side 100000");
  }

  @Test
  void a_note_sent_without_a_token_says_the_session_expired_and_shows_the_note_to_copy()
      throws Exception {
    signInAs("kari");
    browser.get(url("/pathways/" + pathway));
    var note = "Ring fastlegen om <prøvesvar> & time";
    find(By.id("note-text")).sendKeys(note);
    // the form as a page left open past its session's token: no _csrf field
    ((JavascriptExecutor) browser)
        .executeScript(
            "document.querySelectorAll('.note-form input[name=_csrf]').forEach(e => e.remove());");
    contentSecurityPolicyViolations();
    find(By.id("note-submit")).click();

    waitFor(ExpectedConditions.presenceOfElementLocated(By.id("error-title")));
    assertThat(find(By.id("error-title")).getText())
        .isEqualTo("Økten er utløpt – last siden på nytt");
    assertThat(find(By.id("typed-text")).getAttribute("value")).isEqualTo(note);
    assertThat(contentSecurityPolicyViolations()).isEmpty();
    screenshot("error-session-expired");

    // the way back is the page the form was on, and the note was not saved
    find(By.id("reload")).click();
    waitFor(ExpectedConditions.urlMatches(".*/pathways/" + pathway + "$"));
    assertThat(find(By.id("notes")).getText()).doesNotContain("Ring fastlegen");
  }

  @Test
  void a_form_sent_after_the_session_ended_says_so_and_leads_to_sign_in_and_back() {
    signInAs("kari");
    browser.get(url("/pathways/" + pathway));
    find(By.id("note-text")).sendKeys("Skrevet før økten gikk ut");
    // the session ends (a timeout, a restart): the page still holds its old token
    browser.manage().deleteAllCookies();
    find(By.id("note-submit")).click();

    waitFor(ExpectedConditions.presenceOfElementLocated(By.id("error-title")));
    assertThat(find(By.id("error-title")).getText())
        .isEqualTo("Økten er utløpt – last siden på nytt");
    assertThat(find(By.id("typed-text")).getAttribute("value"))
        .isEqualTo("Skrevet før økten gikk ut");
    // not signed in any more: the way back is the sign-in
    assertThat(find(By.id("way-back")).getText()).isEqualTo("Logg inn");

    find(By.id("reload")).click();
    waitFor(ExpectedConditions.urlContains("/login"));
    find(By.id("username")).sendKeys("kari");
    find(By.id("password")).sendKeys("demo");
    find(By.id("sign-in")).click();
    // back on the page after signing in (Spring Security adds ?continue to the saved address)
    waitFor(ExpectedConditions.urlMatches(".*/pathways/" + pathway + "(\\?continue)?$"));
    assertThat(find(By.id("notes")).getText()).doesNotContain("Skrevet før økten gikk ut");
  }

  @Test
  void the_language_link_on_the_error_page_of_a_form_leads_to_the_page_in_english() {
    signInAs("kari");
    browser.get(url("/pathways/" + pathway));
    find(By.id("note-text")).sendKeys("note");
    ((JavascriptExecutor) browser)
        .executeScript(
            "document.querySelectorAll('.note-form input[name=_csrf]').forEach(e => e.remove());");
    find(By.id("note-submit")).click();
    waitFor(ExpectedConditions.presenceOfElementLocated(By.id("error-title")));

    // the form's address is no page: the link leads to the page the form was on, in English
    find(By.id("language-switch")).click();
    waitFor(ExpectedConditions.urlMatches(".*/pathways/" + pathway + "\\?lang=en$"));
    assertThat(find(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
    assertThat(browser.findElements(By.id("error-title"))).isEmpty();
    assertThat(find(By.id("note-text")).isDisplayed()).isTrue();
    browser.get(url("/worklist?lang=nb"));
  }

  @Test
  void the_expired_session_page_is_in_english_for_a_user_who_chose_english() {
    signInAs("kari");
    browser.get(url("/pathways/" + pathway + "?lang=en"));
    find(By.id("note-text")).sendKeys("note");
    ((JavascriptExecutor) browser)
        .executeScript(
            "document.querySelectorAll('.note-form input[name=_csrf]').forEach(e => e.remove());");
    find(By.id("note-submit")).click();
    waitFor(ExpectedConditions.presenceOfElementLocated(By.id("error-title")));
    assertThat(find(By.id("error-title")).getText())
        .isEqualTo("The session has expired – load the page again");
    browser.get(url("/worklist?lang=nb"));
  }
}
