package no.forlop.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How the claims of an ID token become a Forløp user, or a refusal. */
class OidcPeopleTest {

  private static final String HPR = "helseid://claims/hpr/hpr_number";
  private static final String ORG = "helseid://claims/client/claims/orgnr_parent";
  private static final String LEVEL = "helseid://claims/identity/security_level";

  private static final AccessSettings ACCESS =
      new AccessSettings(
          List.of(
              new AccessSettings.LocalUser(
                  "kari",
                  "{noop}x",
                  "Kari Nordmann",
                  null,
                  Set.of(Role.COORDINATOR),
                  List.of("910000012"))),
          List.of(
              new AccessSettings.UnitSettings("910000012", "Fjordby sykehus HF", 3, 14, null),
              new AccessSettings.UnitSettings("910000020", "Nordvik sykehus HF", 3, 14, null)));

  private static OidcSettings settings(int level, List<OidcSettings.Person> people) {
    return settings(level, people, new OidcSettings.Gp(null, null, null));
  }

  private static OidcSettings settings(
      int level, List<OidcSettings.Person> people, OidcSettings.Gp gp) {
    return new OidcSettings(
        true,
        level,
        null,
        new OidcSettings.Claims(HPR, LEVEL, "name"),
        people,
        new OidcSettings.Systems(null, null, "forlop/fhir.write", null),
        gp);
  }

  /** GPs sign in by token: claim {@code gp_role} "fastlege", the practice in {@code practice}. */
  private static final OidcSettings.Gp GPS =
      new OidcSettings.Gp("gp_role", List.of("fastlege"), "practice");

  private static Map<String, Object> gpClaims(String hpr, Object role, String practice) {
    var claims = claims(hpr, "999999999", "4");
    claims.put("gp_role", role);
    claims.put("practice", practice);
    return claims;
  }

  private static OidcPeople people(OidcSettings settings) {
    return new OidcPeople(settings, new Users(ACCESS));
  }

  private static Map<String, Object> claims(String hpr, String org, Object level) {
    var claims = new HashMap<String, Object>();
    claims.put(HPR, hpr);
    claims.put(ORG, org);
    claims.put(LEVEL, level);
    claims.put("name", "Lene Lege");
    return claims;
  }

  private static final OidcSettings.Person LENE =
      new OidcSettings.Person("9144900", null, null, Set.of(Role.CLINICIAN), List.of("910000020"));

  @Test
  void a_configured_person_at_the_required_level_gets_her_roles_and_units() {
    var result =
        people(settings(4, List.of(LENE))).map("sub-1", claims("9144900", "910000012", "4"));

    assertThat(result.refusal()).isNull();
    assertThat(result.user())
        .isEqualTo(
            new User(
                "hpr:9144900", "Lene Lege", null, Set.of(Role.CLINICIAN), List.of("910000020")));
  }

  @Test
  void one_level_below_the_required_is_refused_and_the_level_itself_is_not() {
    var people = people(settings(4, List.of(LENE)));

    assertThat(people.map("sub-1", claims("9144900", "910000012", "3")).refusal())
        .isEqualTo(OidcPeople.Refusal.SECURITY_LEVEL);
    assertThat(people.map("sub-1", claims("9144900", "910000012", "4")).refusal()).isNull();
    assertThat(people.map("sub-1", claims("9144900", "910000012", 4)).refusal()).isNull();
  }

  @Test
  void a_missing_or_unreadable_level_is_refused() {
    var people = people(settings(4, List.of(LENE)));

    assertThat(people.map("sub-1", claims("9144900", "910000012", null)).refusal())
        .isEqualTo(OidcPeople.Refusal.SECURITY_LEVEL);
    assertThat(people.map("sub-1", claims("9144900", "910000012", "high")).refusal())
        .isEqualTo(OidcPeople.Refusal.SECURITY_LEVEL);
  }

  @Test
  void a_lower_required_level_lets_level_three_in() {
    var result =
        people(settings(3, List.of(LENE))).map("sub-1", claims("9144900", "910000012", "3"));

    assertThat(result.user()).isNotNull();
  }

  @Test
  void a_person_linked_to_a_local_user_is_that_user() {
    var linked = new OidcSettings.Person("9144902", null, "kari", null, null);

    var result =
        people(settings(4, List.of(linked))).map("sub-2", claims("9144902", "910000012", "4"));

    assertThat(result.user()).isEqualTo(new Users(ACCESS).find("kari").orElseThrow());
  }

  @Test
  void a_person_is_found_by_subject_when_there_is_no_hpr_number() {
    var bySubject =
        new OidcSettings.Person(null, "sub-3", null, Set.of(Role.LEADER), List.of("910000012"));

    var found = people(settings(4, List.of(bySubject))).map("sub-3", claims(null, null, "4"));
    var other = people(settings(4, List.of(bySubject))).map("sub-4", claims(null, null, "4"));

    assertThat(found.user().username()).isEqualTo("oidc:sub-3");
    assertThat(other.refusal()).isEqualTo(OidcPeople.Refusal.NO_ACCESS);
  }

  @Test
  void an_unlisted_person_is_refused_whatever_organisation_the_client_signs_in_for() {
    var result =
        people(settings(4, List.of(LENE))).map("sub-6", claims("9144904", "910000012", "4"));

    assertThat(result.refusal()).isEqualTo(OidcPeople.Refusal.NO_ACCESS);
  }

  @Test
  void settings_naming_an_unknown_unit_or_user_or_no_identifier_do_not_start() {
    var unknownUnit =
        new OidcSettings.Person("1", null, null, Set.of(Role.CLINICIAN), List.of("123456789"));
    var unknownUser = new OidcSettings.Person("1", null, "nobody", null, null);
    var noIdentifier = new OidcSettings.Person(null, " ", null, Set.of(Role.CLINICIAN), null);

    assertThatThrownBy(() -> people(settings(4, List.of(unknownUnit))))
        .hasMessageContaining("123456789");
    assertThatThrownBy(() -> people(settings(4, List.of(unknownUser))))
        .hasMessageContaining("nobody");
    assertThatThrownBy(() -> people(settings(4, List.of(noIdentifier))))
        .hasMessageContaining("hpr-number or subject");
  }

  @Test
  void a_token_with_an_hpr_number_the_gp_claim_and_a_practice_is_a_gp_with_that_hpr_number() {
    var result =
        people(settings(4, List.of(), GPS))
            .map("sub-7", gpClaims("9255011", "fastlege", "974600951"));

    assertThat(result.refusal()).isNull();
    assertThat(result.user())
        .isEqualTo(
            new User(
                "hpr:9255011",
                "Lene Lege",
                null,
                Set.of(Role.GP),
                List.of(),
                "9255011",
                "974600951"));
    assertThat(result.user().isGp()).isTrue();
    var inList =
        people(settings(4, List.of(), GPS))
            .map("sub-7", gpClaims("9255011", List.of("lege", "fastlege"), "974600951"));
    assertThat(inList.user()).as("a list claim: one of its values").isNotNull();
  }

  @Test
  void without_the_hpr_number_the_gp_claim_or_a_practice_there_is_no_gp_access() {
    var people = people(settings(4, List.of(), GPS));

    var noHpr = gpClaims("9255011", "fastlege", "974600951");
    noHpr.remove(HPR);
    assertThat(people.map("sub-7", noHpr).refusal()).isEqualTo(OidcPeople.Refusal.NO_ACCESS);
    assertThat(people.map("sub-7", gpClaims("0255011", "fastlege", "974600951")).user())
        .as("not an HPR number")
        .isNull();
    var noRole = gpClaims("9255011", "fastlege", "974600951");
    noRole.remove("gp_role");
    assertThat(people.map("sub-7", noRole).user()).isNull();
    assertThat(people.map("sub-7", gpClaims("9255011", "sykehuslege", "974600951")).user())
        .isNull();
    assertThat(people.map("sub-7", gpClaims("9255011", "fastlege", "97460095")).user())
        .as("a practice of 8 digits")
        .isNull();
  }

  @Test
  void the_security_level_and_the_configured_people_come_before_the_gp_rule() {
    var people = people(settings(4, List.of(LENE), GPS));

    var low = gpClaims("9255011", "fastlege", "974600951");
    low.put(LEVEL, "3");
    assertThat(people.map("sub-7", low).refusal()).isEqualTo(OidcPeople.Refusal.SECURITY_LEVEL);
    assertThat(people.map("sub-1", gpClaims("9144900", "fastlege", "974600951")).user().roles())
        .as("a configured person keeps her roles")
        .containsExactly(Role.CLINICIAN);
  }

  @Test
  void without_gp_settings_a_token_makes_no_gp_and_half_settings_do_not_start() {
    assertThat(
            people(settings(4, List.of()))
                .map("sub-7", gpClaims("9255011", "fastlege", "974600951"))
                .refusal())
        .isEqualTo(OidcPeople.Refusal.NO_ACCESS);
    assertThatThrownBy(
            () -> people(settings(4, List.of(), new OidcSettings.Gp("gp_role", null, "practice"))))
        .hasMessageContaining("forlop.oidc.gp");
    assertThatThrownBy(
            () ->
                people(
                    settings(
                        4, List.of(), new OidcSettings.Gp("gp_role", List.of("fastlege"), null))))
        .hasMessageContaining("practice-claim");
  }
}
