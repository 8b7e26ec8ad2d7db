package no.forlop.referral.web;

import static org.assertj.core.api.Assertions.assertThat;

import no.forlop.testing.ApplicationTest;
import org.junit.jupiter.api.Test;

/** The entry criteria over REST: every pathway, one pathway, an unknown one, who may read them. */
class EntryCriteriaApiIT extends ApplicationTest {

  @Test
  void every_pathways_criteria_are_served_with_their_sources() {
    var response = get("/api/v1/entry-criteria");
    assertThat(response.status()).isEqualTo(200);
    var document = response.json();
    assertThat(document.get("version").asString()).isEqualTo("2026.12.1");
    var colorectal = document.get("pathways").get(2);
    assertThat(colorectal.get("pathway").asString()).isEqualTo("colorectal");
    var age = colorectal.get("criteria").get("requires").get(0);
    assertThat(age.get("id").asString()).isEqualTo("colorectal-age-over-40");
    assertThat(age.get("text").get("nb").asString()).isEqualTo("Pasienten er over 40 år");
    assertThat(age.get("verified").asBoolean()).isTrue();
    assertThat(age.get("source").asString()).startsWith("https://www.helsedirektoratet.no/");
    assertThat(age.get("read").asString()).isEqualTo("2026-12-07");
    assertThat(colorectal.get("unknownSections").get("FILTER_STEPS").asString()).isNotBlank();
  }

  @Test
  void one_pathway_by_its_catalogue_id() {
    var response = get("/api/v1/entry-criteria/lung");
    assertThat(response.status()).isEqualTo(200);
    var lung = response.json();
    assertThat(lung.get("pathway").asString()).isEqualTo("lung");
    var ct = lung.get("filterSteps").get(0);
    assertThat(ct.get("id").asString()).isEqualTo("lung-filter-ct");
    assertThat(ct.get("doneBy").asString()).isEqualTo("GP");
    assertThat(get("/api/v1/entry-criteria/mh-adults").json().get("unknown").asString())
        .isNotBlank();
  }

  @Test
  void a_pathway_without_criteria_is_not_found_in_either_language() {
    var missing = get("/api/v1/entry-criteria/kidney");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.reason()).isEqualTo("ENTRY_CRITERIA_NOT_FOUND");
    assertThat(missing.text()).startsWith("Inngangskriteriene har ikke pakkeforløpet «kidney».");
    assertThat(get("/api/v1/entry-criteria/kidney", ENGLISH).text())
        .startsWith("The entry criteria have no pathway \"kidney\".");
  }

  @Test
  void any_signed_in_user_may_read_them_including_a_gp_system_but_not_an_anonymous_caller() {
    for (var user : new String[] {"kari", "ola", "lise", "admin", "ehr"}) {
      assertThat(get("/api/v1/entry-criteria/breast", AS, user).status()).as(user).isEqualTo(200);
    }
    assertThat(get("/api/v1/entry-criteria", AS, "nobody").status()).isEqualTo(401);
  }
}
