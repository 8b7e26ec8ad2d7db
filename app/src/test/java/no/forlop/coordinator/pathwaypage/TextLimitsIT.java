package no.forlop.coordinator.pathwaypage;

import static org.assertj.core.api.Assertions.assertThat;

import no.forlop.coordinator.InventedPatient;
import no.forlop.coordinator.PageSupport;
import no.forlop.web.TextLimits;
import org.junit.jupiter.api.Test;

/**
 * Every free-text field has a limit (issue 14, part D; {@link TextLimits}): a text of exactly the
 * limit is taken, one character more is refused with a Norwegian text that names the limit, on the
 * page (the form again, 422, nothing saved) and in the API (400 {@code TEXT_TOO_LONG} with the
 * limit); a parameter over the backstop's limit is refused on any page or endpoint.
 */
class TextLimitsIT extends PageSupport {

  private static InventedPatient decisionWithoutAttendance() {
    return new InventedPatient("Åse", "Bjørnstad")
        .referralReceived("2024-12-02")
        .biopsy("2024-12-10")
        .diagnosis("C18.7", "2024-12-20");
  }

  private static String text(int length, char c) {
    return String.valueOf(c).repeat(length);
  }

  @Test
  void a_note_of_2000_characters_is_saved_and_one_of_2001_refused() throws Exception {
    var view = deliver(decisionWithoutAttendance());
    var notes = page(view.id()) + "/notes";

    var longest = text(TextLimits.NOTE, 'n');
    assertThat(submit(notes, "kari", "text", longest).status()).isEqualTo(302);
    assertThat(open(page(view.id()), "kari").body()).contains(longest);

    var tooLong = text(TextLimits.NOTE + 1, 'm');
    var refused = submit(notes, "kari", "text", tooLong);
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.body()).contains("Teksten er for lang: høyst 2 000 tegn.");
    // what was typed comes back in the form, and nothing was saved
    assertThat(refused.body()).contains(tooLong);
    assertThat(open(page(view.id()), "kari").body()).doesNotContain(tooLong);
  }

  @Test
  void a_reason_of_1000_characters_is_taken_and_one_of_1001_refused() throws Exception {
    var view = deliver(decisionWithoutAttendance());
    var reject = page(view.id()) + "/codes/" + code(view, "A12CK").registration() + "/reject";
    var withdraw = page(view.id()) + "/codes/" + code(view, "A12A").registration() + "/withdraw";
    var correct = page(view.id()) + "/codes/" + code(view, "A12A").registration() + "/correct";

    for (var form : new String[] {withdraw, correct}) {
      var refused =
          submit(form, "kari", "code", "", "date", "2024-12-03", "reason", text(1001, 'r'));
      assertThat(refused.status()).as(form).isEqualTo(422);
      assertThat(refused.body()).contains("Begrunnelsen er for lang: høyst 1 000 tegn.");
    }
    var rejected = submit(reject, "kari", "reason", text(TextLimits.REASON + 1, 'r'));
    assertThat(rejected.status()).isEqualTo(422);
    assertThat(rejected.body()).contains("Begrunnelsen er for lang: høyst 1 000 tegn.");
    assertThat(code(pathways.get(view.id(), null, InventedPatient.SYSTEM), "A12CK")).isNotNull();

    assertThat(submit(reject, "kari", "reason", text(TextLimits.REASON, 'r')).status())
        .isEqualTo(302);
  }

  @Test
  void a_coordinator_name_over_200_characters_is_refused_as_too_long() throws Exception {
    var view = deliver(decisionWithoutAttendance());
    var assign = page(view.id()) + "/coordinator";
    // 200: read, and not a coordinator; 201: too long to be read at all
    assertThat(submit(assign, "kari", "coordinator", text(200, 'k')).body())
        .doesNotContain("høyst 200 tegn");
    var refused = submit(assign, "kari", "coordinator", text(201, 'k'));
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.body()).contains("Verdien er for lang: høyst 200 tegn.");
  }

  @Test
  void the_api_refuses_a_reason_over_its_limit_with_the_reason_and_the_limit() throws Exception {
    var view = deliver(decisionWithoutAttendance());
    var reject =
        "/api/v1/pathways/" + view.id().value() + "/codes/" + code(view, "A12CK").registration();
    var tooLong = post(reject + "/rejection", "{\"reason\":\"" + text(1001, 'r') + "\"}");
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.reason()).isEqualTo("TEXT_TOO_LONG");
    assertThat(tooLong.text())
        .isEqualTo(
            "Feltet «reason» er for langt: høyst 1000 tegn. Ingenting er lagret; kort det"
                + " ned og send forespørselen på nytt.");
    assertThat(tooLong.outcome().getIssueFirstRep().getCode().toCode()).isEqualTo("too-long");
    var english = post(reject + "/rejection", "{\"reason\":\"" + text(1001, 'r') + "\"}", ENGLISH);
    assertThat(english.text()).contains("at most 1000 characters");

    var longest = post(reject + "/rejection", "{\"reason\":\"" + text(1000, 'r') + "\"}");
    assertThat(longest.status()).as(longest.body()).isLessThan(300);
  }

  @Test
  void the_api_refuses_a_note_of_2001_characters_on_a_type_change() throws Exception {
    var view = deliver(decisionWithoutAttendance());
    var change =
        post(
            "/api/v1/pathways/" + view.id().value() + "/type-change",
            "{\"pathway\":\"D11\",\"date\":\"2024-12-30\",\"note\":\"" + text(2001, 'n') + "\"}");
    assertThat(change.status()).isEqualTo(400);
    assertThat(change.reason()).isEqualTo("TEXT_TOO_LONG");
    assertThat(change.text()).contains("høyst 2000 tegn");
    // 2,000 passes the limit (and is then judged on its merits: a cancer pathway changes no type)
    var judged =
        post(
            "/api/v1/pathways/" + view.id().value() + "/type-change",
            "{\"pathway\":\"D11\",\"date\":\"2024-12-30\",\"note\":\"" + text(2000, 'n') + "\"}");
    assertThat(judged.reason()).isNotEqualTo("TEXT_TOO_LONG");
  }

  @Test
  void any_parameter_over_4000_characters_is_refused_on_a_page_and_an_endpoint() throws Exception {
    var view = deliver(decisionWithoutAttendance());
    // a field the form does not have, so no limit of its own: the backstop's
    var notes = page(view.id()) + "/notes";
    var page =
        submit(notes, "kari", "text", "x", "unused", text(TextLimits.ANY_PARAMETER + 1, 'p'));
    assertThat(page.status()).isEqualTo(400);
    assertThat(page.body()).contains("Et felt i skjemaet er for langt: høyst 4 000 tegn.");
    var limit = submit(notes, "kari", "text", "x", "unused", text(TextLimits.ANY_PARAMETER, 'p'));
    assertThat(limit.status()).isEqualTo(302);

    var api =
        get(
            "/api/v1/pathways/"
                + view.id().value()
                + "?unused="
                + text(TextLimits.ANY_PARAMETER + 1, 'p'));
    assertThat(api.status()).isEqualTo(400);
    assertThat(api.reason()).isEqualTo("TEXT_TOO_LONG");
    assertThat(api.text()).contains("«unused»", "4000");
    assertThat(get("/api/v1/pathways/" + view.id().value() + "?unused=" + text(4000, 'p')).status())
        .isEqualTo(200);
  }
}
