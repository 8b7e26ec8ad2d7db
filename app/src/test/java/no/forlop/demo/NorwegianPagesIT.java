package no.forlop.demo;

import static no.forlop.testing.NorwegianText.messageKeys;
import static no.forlop.testing.NorwegianText.problems;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import no.forlop.coordinator.InventedPatient;
import no.forlop.coordinator.PageSupport;
import no.forlop.pathway.PathwayView;
import no.forlop.patient.PatientIdentifier;
import no.forlop.testing.NorwegianText.EnglishPhrases;
import no.forlop.testing.NorwegianText.Html;
import no.forlop.testing.TestPatients;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Issue 16, item 3: Norwegian everywhere. Every page a user reaches from the menu, in Norwegian
 * bokmål, as each role (coordinator kari, clinician ola, leader lise, administrator admin), on the
 * demo hospital (150 patients, loaded once into the shared context) and on pathways of this test's
 * own with what the domain says in words: a proposal the rules block, a fact from the EHR that
 * could not be coded, a rejected proposal, a registration refused. A page fails when its visible
 * text (and its titles, labels and placeholders) holds
 *
 * <ul>
 *   <li>English machine text: a phrase of an English message ({@code messages*_en.properties}) that
 *       no Norwegian message has, or one of the phrases the issue found;
 *   <li>a message key left untranslated ({@code ??key_nb??}, or a key itself);
 *   <li>a date written as ISO ({@code 2024-12-31}) where the pages write 31.12.2024;
 *   <li>an internal id in brackets ({@code (MH_ASSESSMENT)}).
 * </ul>
 *
 * Text marked as another language ({@code lang="en"}: the catalogue's English source notes) is the
 * page saying so, as WCAG 3.1.2 asks, and is not Norwegian text.
 */
class NorwegianPagesIT extends PageSupport {

  @Autowired Clock clock;

  private static final List<String> ROLES = List.of("kari", "ola", "lise", "admin");

  private static final Pattern UUID_PART =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  private static final Pattern HREF = Pattern.compile("href=\"(/[^\"#]*)");
  private static final Pattern PAGE =
      Pattern.compile(
          "/worklist(\\?.*)?|/pathways/ID(/plan|/municipality)?|/mdt(/ID)?|/dashboard(/pathways)?(\\?.*)?"
              + "|/catalogue|/emergency-access|/henvisning(/[a-z0-9-]+)?(\\?.*)?|/fastlege");

  @Test
  void every_page_in_norwegian_as_every_role_has_no_english_no_keys_no_iso_dates()
      throws Exception {
    SharedDemoHospital.load(intake, pathways, users, clock);
    var own = ownPathways();
    // an MDT meeting of the colorectal team, with the pathways due for it on its agenda
    var planned =
        submit(
            "/mdt",
            "kari",
            "date",
            "2025-01-07",
            "team",
            "Tykk- og endetarmskreft",
            "unit",
            "910000012",
            "pathways",
            "colorectal");
    assertThat(planned.redirect()).matches("/mdt/[0-9a-f-]{36}");
    var meeting = planned.redirect();
    var english = EnglishPhrases.load();
    var keys = messageKeys();

    var findings = new TreeMap<String, Set<String>>();
    var walked = new HashMap<String, Integer>();
    var allText = new StringBuilder();
    for (var role : ROLES) {
      var starts =
          new ArrayList<>(
              List.of("/worklist", "/mdt", meeting, "/dashboard", "/catalogue", "/henvisning"));
      own.forEach(id -> starts.add("/pathways/" + id));
      walk(
          role,
          starts,
          (path, texts) -> {
            walked.merge(shape(path), 1, Integer::sum);
            for (var text : texts) {
              allText.append(text).append('\n');
              for (var problem : problems(text, english, keys)) {
                findings
                    .computeIfAbsent(role + " " + path, k -> new LinkedHashSet<>())
                    .add(problem);
              }
            }
          });
    }
    // the GP's own page (issue 17): the demo GP's referred patients
    walk(
        "gp",
        List.of("/fastlege"),
        (path, texts) -> {
          walked.merge(shape(path), 1, Integer::sum);
          for (var text : texts) {
            allText.append(text).append('\n');
            for (var problem : problems(text, english, keys)) {
              findings.computeIfAbsent("gp " + path, k -> new LinkedHashSet<>()).add(problem);
            }
          }
        });
    // a registration refused: the page answers with the reason, its dates as the page writes them
    var refused =
        submit("/pathways/" + own.get(0) + "/codes", "kari", "code", "A12S", "date", "2025-01-20");
    assertThat(refused.status()).isEqualTo(422);
    for (var text : Html.texts(refused.body())) {
      allText.append(text).append('\n');
      for (var problem : problems(text, english, keys)) {
        findings.computeIfAbsent("kari refused", k -> new LinkedHashSet<>()).add(problem);
      }
    }

    assertThat(findings)
        .as("English, keys, ISO dates or internal ids on Norwegian pages")
        .isEmpty();
    // the walk saw real pages with real words from the domain, not empty ones
    assertThat(walked.getOrDefault("/pathways/ID", 0)).isGreaterThan(30);
    assertThat(walked)
        .containsKeys(
            "/worklist",
            "/pathways/ID/plan",
            "/pathways/ID/municipality",
            "/mdt",
            "/mdt/ID",
            "/dashboard",
            "/dashboard/pathways",
            "/catalogue",
            "/henvisning",
            "/fastlege");
    assertThat(allText.toString())
        .contains("Mottatt og forløpet startet") // the demo GP's referred patients (issue 17)
        .contains("Kan ikke bekreftes ennå") // a proposal the rules block, and why
        .contains("klinisk beslutning krever at første fremmøte er registrert før den")
        .contains("Fra journalen, ikke kodet") // a derivation problem
        .contains("datert før den kliniske beslutningen (A12CK den 20.03.2024)")
        .contains("Forslag avvist") // a history row with its remark
        .contains("etter i dag (31.12.2024)") // the refusal, with the page's dates
        .contains("Henvisning mottatt: 02.12.2024") // a rule's value, as the page writes dates
        .contains("Fra første fremmøte til klinisk beslutning (utredning)");
  }

  @Test
  void the_checks_find_what_the_issue_found() throws Exception {
    var english = EnglishPhrases.load();
    var keys = messageKeys();
    assertThat(problems("Differs from the code a person registered: A36A", english, keys))
        .isNotEmpty();
    assertThat(
            problems(
                "A36CK (2026-10-19): a clinical decision needs a first attendance before it.",
                english,
                keys))
        .anyMatch(p -> p.startsWith("English"))
        .anyMatch(p -> p.startsWith("ISO date"));
    assertThat(problems("Gjelder fra ??worklist.title_nb_NO??", english, keys)).isNotEmpty();
    assertThat(problems("pathway.why.inputs", english, keys)).isNotEmpty();
    assertThat(problems("Fra start til første fremmøte (MH_FIRST_ATTENDANCE)", english, keys))
        .isNotEmpty();
    assertThat(problems("The start is dated the day the referral was received", english, keys))
        .isNotEmpty();
    // and not what is Norwegian, a code, a version or an address
    assertThat(problems("A36CK (19.10.2026): klinisk beslutning krever …", english, keys))
        .isEmpty();
    assertThat(problems("Katalogversjon da koden ble utledet: 2026.12.2", english, keys)).isEmpty();
    assertThat(problems("www.helsedirektoratet.no", english, keys)).isEmpty();
    assertThat(problems("ServiceRequest/demo-p0064-sr", english, keys)).isEmpty();
  }

  @Test
  void pages_follow_the_browsers_language_unless_the_user_chose() throws Exception {
    assertThat(page(MockMvcRequestBuilders.get("/worklist"), "kari"))
        .contains("<h1>Arbeidsliste</h1>");
    assertThat(
            page(
                MockMvcRequestBuilders.get("/worklist").header("Accept-Language", "en-GB,en;q=0.9"),
                "kari"))
        .contains("<h1>Worklist</h1>");
    assertThat(
            page(
                MockMvcRequestBuilders.get("/worklist")
                    .header("Accept-Language", "nb-NO,nb;q=0.9,en;q=0.8"),
                "kari"))
        .contains("<h1>Arbeidsliste</h1>");
    // the user's choice (?lang=nb) wins over an English browser
    assertThat(
            page(
                MockMvcRequestBuilders.get("/worklist")
                    .param("lang", "nb")
                    .header("Accept-Language", "en"),
                "kari"))
        .contains("<h1>Arbeidsliste</h1>");
  }

  /**
   * Pathways of this test's own, with what the domain says in words: a decision without a first
   * attendance (a blocked proposal, a rejected one in the history), and a surgery dated before the
   * decision (a fact from the EHR that could not be coded).
   */
  private List<String> ownPathways() throws Exception {
    var blocked =
        deliver(
            new InventedPatient("Åse", "Bjørnstad")
                .referralReceived("2024-12-02")
                .biopsy("2024-12-10")
                .diagnosis("C18.7", "2024-12-20"));
    var rejected =
        deliver(
            new InventedPatient("Ola", "Vik")
                .referralReceived("2024-12-03")
                .diagnosis("C18.7", "2024-12-19"));
    var proposal = code(rejected, "A12CK").registration();
    assertThat(
            submit(
                    "/pathways/" + rejected.id() + "/codes/" + proposal + "/reject",
                    "kari",
                    "reason",
                    "Diagnosen er foreløpig")
                .status())
        .isEqualTo(302);
    return List.of(blocked.id().toString(), rejected.id().toString(), unusedFact().id().toString());
  }

  private PathwayView unusedFact() throws IOException {
    var patient = TestPatients.next();
    String events;
    try (var in =
        getClass()
            .getResourceAsStream(
                "/acceptance/treatment-dated-before-the-decision-is-reported/events.json")) {
      events =
          new String(in.readAllBytes(), StandardCharsets.UTF_8)
              .replace("18055220022", patient)
              .replaceAll("\"id\": \"([a-z0-9]+)\"", "\"id\": \"norsk-$1\"")
              .replaceAll(
                  "\"(Patient|Organization|ServiceRequest|Encounter)/([a-z0-9]+)\"",
                  "\"$1/norsk-$2\"");
    }
    intake.receive(events.getBytes(StandardCharsets.UTF_8), "test", InventedPatient.EHR, true);
    return pathways
        .byPatient(PatientIdentifier.parse(patient), null, InventedPatient.SYSTEM)
        .get(0);
  }

  /** A page's path with ids as {@code ID} and without its query: which page it is. */
  private static String shape(String path) {
    return UUID_PART.matcher(path).replaceAll("ID").replaceAll("\\?.*", "");
  }

  /** How many of each page a role walks: enough to meet every kind of row, not every patient. */
  private static int limit(String role, String shape) {
    return switch (shape) {
      case "/pathways/ID" -> role.equals("kari") ? 40 : 8;
      case "/worklist" -> 5;
      default -> 3;
    };
  }

  private interface Visitor {
    void visit(String path, List<String> texts);
  }

  /** The pages a role reaches from these by following links, each visited once. */
  private void walk(String role, List<String> starts, Visitor visitor) throws Exception {
    var queue = new ArrayDeque<>(starts);
    var seen = new HashSet<String>();
    var counts = new HashMap<String, Integer>();
    while (!queue.isEmpty()) {
      var path = queue.poll();
      var shape = shape(path);
      if (!seen.add(path)
          || !PAGE.matcher(UUID_PART.matcher(path).replaceAll("ID")).matches()
          || counts.merge(shape, 1, Integer::sum) > limit(role, shape)) {
        continue;
      }
      var page = open(path, role);
      assertThat(page.status()).as(role + " " + path).isLessThan(500);
      if (page.status() != 200 || !page.contentType().startsWith("text/html")) {
        continue;
      }
      visitor.visit(path, Html.texts(page.body()));
      var links = HREF.matcher(page.body());
      while (links.find()) {
        var link = links.group(1).replace("&amp;", "&");
        if (!link.contains("lang=") && !seen.contains(link)) {
          queue.add(link);
        }
      }
    }
  }

  private String page(MockHttpServletRequestBuilder request, String as) throws Exception {
    var roles = users.find(as).orElseThrow().roles().stream().map(Enum::name);
    return mvc.perform(request.with(csrf()).with(user(as).roles(roles.toArray(String[]::new))))
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }
}
