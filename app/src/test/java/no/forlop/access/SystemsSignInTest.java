package no.forlop.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;

/** Which bearer tokens give the integration role, and the user a token stands for. */
class SystemsSignInTest {

  private static SystemsSignIn signIn(List<OidcSettings.SystemClient> clients) {
    var settings =
        new OidcSettings(
            true,
            4,
            null,
            new OidcSettings.Claims("h", "s", "name"),
            null,
            new OidcSettings.Systems("http://127.0.0.1:1", null, "forlop/fhir.write", clients),
            new OidcSettings.Gp(null, null, null));
    return new SystemsSignIn(
        settings, new StaticMessageSource(), new FixedLocaleResolver(Locale.ROOT));
  }

  private static Jwt token(String clientId, Object scope) {
    return Jwt.withTokenValue("t")
        .header("alg", "RS256")
        .claim("client_id", clientId)
        .subject(clientId)
        .claim("scope", scope)
        .issuedAt(Instant.parse("2024-12-31T10:00:00Z"))
        .expiresAt(Instant.parse("2024-12-31T10:05:00Z"))
        .build();
  }

  @Test
  void the_scope_gives_the_integration_role_as_a_list_or_a_space_separated_string() {
    var signIn = signIn(List.of());

    var list = signIn.authenticate(token("epj-1", List.of("openid", "forlop/fhir.write")));
    var text = signIn.authenticate(token("epj-1", "openid forlop/fhir.write"));

    assertThat(list.user().roles()).containsExactly(Role.INTEGRATION);
    assertThat(list.getAuthorities())
        .extracting(a -> a.getAuthority())
        .containsExactly("ROLE_INTEGRATION");
    assertThat(text.user().roles()).containsExactly(Role.INTEGRATION);
    assertThat(list.getName()).isEqualTo("client:epj-1");
  }

  @Test
  void a_token_without_the_scope_has_no_role() {
    var result = signIn(List.of()).authenticate(token("epj-1", List.of("forlop/fhir.read")));

    assertThat(result.user().roles()).isEmpty();
    assertThat(result.getAuthorities()).isEmpty();
  }

  @Test
  void with_a_list_of_clients_only_those_get_the_role_and_their_names() {
    var signIn = signIn(List.of(new OidcSettings.SystemClient("epj-1", "DIPS Arena")));

    var listed = signIn.authenticate(token("epj-1", List.of("forlop/fhir.write")));
    var other = signIn.authenticate(token("epj-2", List.of("forlop/fhir.write")));

    assertThat(listed.user().roles()).isEqualTo(Set.of(Role.INTEGRATION));
    assertThat(listed.user().name()).isEqualTo("DIPS Arena");
    assertThat(other.user().roles()).isEmpty();
  }
}
