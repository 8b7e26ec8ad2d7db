package no.forlop.coordinator.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
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
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/** The coordinator's worklist in a real browser. Today is 2024-12-31. */
class WorklistBrowserIT extends BrowserTest {

  static final Actor ADMIN = new Actor("admin", "PATIENT_CARE", Set.of("910000012", "910000020"));

  @Autowired PathwayService pathways;

  private String overdue;

  @BeforeEach
  void somePathways() {
    overdue = TestPatients.next();
    var id =
        pathways.create(CreatePathway.of(overdue, "colorectal", "910000012", null), ADMIN).id();
    pathways.register(id, RegisterCode.manual("A12A", LocalDate.parse("2024-12-20")), ADMIN);
    var elsewhere = TestPatients.next();
    var other =
        pathways.create(CreatePathway.of(elsewhere, "colorectal", "910000020", null), ADMIN).id();
    pathways.register(other, RegisterCode.manual("A12A", LocalDate.parse("2024-12-27")), ADMIN);
  }

  @Test
  void a_coordinator_sees_her_units_worklist_with_counts_and_finds_a_patient() throws Exception {
    signInAs("kari");
    browser.get(url("/worklist"));

    assertThat(find(By.tagName("h1")).getText()).isEqualTo("Arbeidsliste");
    assertThat(Long.parseLong(find(By.id("count-total")).getText())).isPositive();

    // the keyboard alone: type in the search field and press Enter
    var search = find(By.name("q"));
    search.sendKeys(overdue, Keys.ENTER);
    // the search is posted: the address has a handle to it, never the fødselsnummer (issue 14)
    waitFor(d -> d.getCurrentUrl().contains("search="));
    assertThat(browser.getCurrentUrl()).doesNotContain(overdue);

    var rows = browser.findElements(By.cssSelector("#worklist tbody tr"));
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).getText()).contains("Rød").contains(overdue.substring(0, 6) + "*****");
    assertThat(rows.get(0).getText()).doesNotContain(overdue);

    // open the patient with the keyboard: focus the row's link and press Enter
    rows.get(0).findElement(By.cssSelector("a.patient")).sendKeys(Keys.ENTER);
    waitFor(d -> d.getCurrentUrl().contains("/pathways/"));
    assertThat(find(By.tagName("body")).getText()).contains(overdue);
  }

  @Test
  void the_status_filter_shows_only_that_status() {
    signInAs("kari");
    browser.get(url("/worklist"));
    new Select(find(By.name("status"))).selectByValue("RED");
    find(By.id("apply-filters")).click();
    waitFor(d -> d.getCurrentUrl().contains("status=RED"));
    var badges = browser.findElements(By.cssSelector("#worklist tbody .badge"));
    assertThat(badges).isNotEmpty().allMatch(b -> b.getText().equals("Rød"));
  }

  @Test
  void another_units_coordinator_does_not_see_the_patient() {
    signInAs("nina");
    search(overdue);
    assertThat(browser.findElements(By.cssSelector("#worklist tbody tr"))).isEmpty();
  }

  @Test
  void the_worklist_exports_as_csv_in_norwegian() {
    signInAs("kari");
    search(overdue);
    // the CSV link carries the search's handle, not the fødselsnummer
    var csv = find(By.id("export-csv")).getAttribute("href");
    assertThat(csv).contains("search=").doesNotContain(overdue);
    @SuppressWarnings("unchecked")
    var result =
        (java.util.List<Object>)
            ((JavascriptExecutor) browser)
                .executeAsyncScript(
                    "var done = arguments[arguments.length - 1]; fetch(arguments[0])"
                        + ".then(r => r.arrayBuffer()).then(b => {"
                        + " var bytes = new Uint8Array(b);"
                        + " var text = new TextDecoder('utf-8', {ignoreBOM: true}).decode(b);"
                        + " done([bytes[0] === 0xEF && bytes[1] === 0xBB && bytes[2] === 0xBF,"
                        + " text.includes('\\r\\n'), text]); });",
                    csv);
    // a byte-order mark and CRLF line ends, so Excel opens it with æøå and rows intact
    assertThat(result.get(0)).isEqualTo(true);
    assertThat(result.get(1)).isEqualTo(true);
    var lines = ((String) result.get(2)).replace("\uFEFF", "").strip().split("\\R");
    assertThat(lines[0]).contains("Pasient;Fødselsnummer;Forløp");
    assertThat(lines).hasSize(2);
    assertThat(lines[1]).contains("Rød").contains(overdue.substring(0, 6) + "*****");
  }

  @Autowired no.forlop.ingest.IntakeService intake;

  @Test
  void a_coordinator_finds_a_patient_by_the_initials_and_the_birth_date_the_list_shows()
      throws Exception {
    // issue 16: search by what the list shows
    var patient = TestPatients.bornOn(LocalDate.of(1931, 7, 19), true);
    var resource =
        """
        {"resourceType":"Patient","id":"w%s","identifier":[{"system":"urn:oid:2.16.578.1.12.4.1.4.1","value":"%s"}],"name":[{"family":"Zakariassen","given":["Wenche"]}]}
        """
            .formatted(patient, patient);
    intake.receive(
        resource.getBytes(java.nio.charset.StandardCharsets.UTF_8),
        "test",
        new Actor("test", "TEST"),
        false);
    var id =
        pathways.create(CreatePathway.of(patient, "colorectal", "910000012", null), ADMIN).id();
    pathways.register(id, RegisterCode.manual("A12A", LocalDate.parse("2024-12-20")), ADMIN);
    var masked = patient.substring(0, 6) + "*****";
    signInAs("kari");
    for (var text : new String[] {"W. Z.", "WZ", "19.07.1931", "19071931", "190731"}) {
      search(text);
      var rows = browser.findElements(By.cssSelector("#worklist tbody tr"));
      assertThat(rows).as(text).isNotEmpty();
      assertThat(rows.stream().map(r -> r.getText()))
          .as(text)
          .anyMatch(row -> row.contains("W. Z.") && row.contains(masked));
      assertThat(browser.getCurrentUrl()).as(text).doesNotContain("1931").doesNotContain("W.");
    }
    screenshot("worklist-search");
    // a wildcard is text: "%" finds only a name with a per cent sign, not everyone
    search("%");
    assertThat(browser.findElements(By.cssSelector("#worklist tbody tr")))
        .noneMatch(r -> r.getText().contains(masked));
  }

  /** Searches the worklist by its form, as a person does. */
  private void search(String patient) {
    browser.get(url("/worklist"));
    find(By.name("q")).sendKeys(patient, Keys.ENTER);
    waitFor(d -> d.getCurrentUrl().contains("search="));
  }

  @Test
  void the_worklist_is_in_english_on_request() {
    signInAs("kari");
    browser.get(url("/worklist?lang=en"));
    assertThat(find(By.tagName("h1")).getText()).isEqualTo("Worklist");
    browser.get(url("/worklist?lang=nb"));
  }

  // --- issue 16: the worklist of what needs action (ADR 0035) ---

  private long count(String id) {
    return Long.parseLong(find(By.id(id)).getText().strip());
  }

  @Test
  void the_default_worklist_holds_only_rows_that_need_action_and_all_open_is_one_click_away()
      throws Exception {
    // a colorectal pathway whose treatment has started: complete for coding, only in "Alle åpne"
    var treated = TestPatients.next();
    var id =
        pathways.create(CreatePathway.of(treated, "colorectal", "910000012", null), ADMIN).id();
    for (var code :
        new String[] {
          "A12A 2024-11-01", "A12S 2024-11-05", "A12CK 2024-11-12", "A12FK 2024-11-26"
        }) {
      var parts = code.split(" ");
      pathways.register(id, RegisterCode.manual(parts[0], LocalDate.parse(parts[1])), ADMIN);
    }
    signInAs("kari");
    browser.get(url("/worklist"));

    // what changed since the last visit, at the top
    assertThat(find(By.id("changes-title")).getText()).startsWith("Endret");
    var action = count("view-count-ACTION");
    var all = count("view-count-ALL");
    assertThat(action).isPositive().isLessThan(all);
    assertThat(count("count-total")).isEqualTo(action);
    assertThat(find(By.id("view-ACTION")).getAttribute("aria-current")).isEqualTo("page");
    assertThat(find(By.id("view-ACTION")).getText()).contains("Trenger handling");
    assertThat(find(By.id("view-ALL")).getText()).contains("Alle åpne");
    // every row says why it is there
    var rows = browser.findElements(By.cssSelector("#worklist tbody tr"));
    assertThat(rows).isNotEmpty();
    assertThat(rows)
        .allMatch(r -> !r.findElements(By.cssSelector(".flag.reason")).isEmpty())
        .noneMatch(r -> r.getText().contains(treated.substring(0, 6) + "*****"));
    assertThat(find(By.id("worklist")).getText()).doesNotContain("Ferdig kodet");

    // one click (the keyboard's Enter) to every open pathway, with the same counts
    find(By.id("view-ALL")).sendKeys(Keys.ENTER);
    waitFor(d -> d.getCurrentUrl().contains("view=ALL"));
    assertThat(find(By.id("view-ALL")).getAttribute("aria-current")).isEqualTo("page");
    assertThat(count("count-total")).isEqualTo(all);
    assertThat(count("view-count-ACTION")).isEqualTo(action);
    assertThat(find(By.id("worklist")).getText()).contains("Ferdig kodet");

    // a search looks through every open pathway: the treated patient is found, marked complete
    search(treated);
    var found = browser.findElements(By.cssSelector("#worklist tbody tr"));
    assertThat(found).hasSize(1);
    assertThat(found.get(0).getText()).contains("Ferdig kodet");
    assertThat(found.get(0).findElements(By.cssSelector(".flag.reason"))).isEmpty();
    assertThat(find(By.id("view-ALL")).getAttribute("aria-current")).isEqualTo("page");
    assertThat(count("view-count-ACTION")).isZero();

    // back to what needs action
    find(By.id("view-ACTION")).sendKeys(Keys.ENTER);
    waitFor(d -> d.getCurrentUrl().contains("view=ACTION"));
    assertThat(find(By.id("worklist-empty")).getText()).contains("Ingen forløp trenger handling");
  }

  @Test
  void an_overdue_row_says_why_and_the_english_view_too() {
    signInAs("kari");
    search(overdue);
    var row = find(By.cssSelector("#worklist tbody tr"));
    assertThat(row.findElement(By.cssSelector(".reason-OVERDUE")).getText())
        .isEqualTo("Fristen passert for 2 dager siden");
    browser.get(browser.getCurrentUrl() + "&lang=en");
    assertThat(find(By.cssSelector("#worklist tbody tr .reason-OVERDUE")).getText())
        .isEqualTo("Deadline passed 2 days ago");
    browser.get(url("/worklist?lang=nb"));
  }
}
