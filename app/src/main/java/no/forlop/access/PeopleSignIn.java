package no.forlop.access;

import com.nimbusds.jose.jwk.JWK;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.endpoint.NimbusJwtClientAuthenticationParametersConverter;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * People sign in on the pages with OIDC (HelseID-shaped): the authorization code flow with PKCE,
 * Forløp authenticating at the token endpoint with {@code private_key_jwt} when its registration
 * says so (HelseID requires it), and the ID token's claims mapped to a Forløp user by {@link
 * OidcPeople}. A person the mapping refuses is sent back to the sign-in page with the reason; the
 * log says why, never who.
 */
final class PeopleSignIn implements SignInMethod {

  static final String REGISTRATION = "helseid";
  private static final Logger LOG = LoggerFactory.getLogger(PeopleSignIn.class);

  private final OidcSettings settings;
  private final OidcPeople people;
  private final ClientRegistrationRepository registrations;
  private final OidcUserService delegate = new OidcUserService();

  PeopleSignIn(OidcSettings settings, Users users, ClientRegistrationRepository registrations) {
    this.settings = settings;
    this.people = new OidcPeople(settings, users);
    this.registrations = registrations;
  }

  @Override
  public void pages(HttpSecurity http) {
    var requests =
        new DefaultOAuth2AuthorizationRequestResolver(registrations, "/oauth2/authorization");
    requests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
    var tokens = new RestClientAuthorizationCodeTokenResponseClient();
    var key = clientKey(settings.clientKeyFile());
    if (key != null) {
      tokens.addParametersConverter(
          new NimbusJwtClientAuthenticationParametersConverter<>(registration -> key));
    }
    http.oauth2Login(
        login ->
            login
                .loginPage("/login")
                .authorizationEndpoint(a -> a.authorizationRequestResolver(requests))
                .tokenEndpoint(t -> t.accessTokenResponseClient(tokens))
                .userInfoEndpoint(u -> u.oidcUserService(this::load))
                .failureHandler(
                    (request, response, e) -> {
                      var reason =
                          e instanceof OAuth2AuthenticationException o
                                  && o.getError().getErrorCode().startsWith("forlop_")
                              ? o.getError().getErrorCode().substring("forlop_".length())
                              : "FAILED";
                      LOG.info("OIDC sign-in refused: {}", reason);
                      response.sendRedirect(request.getContextPath() + "/login?refused=" + reason);
                    })
                // a GP lands on their page (ADR 0048), everyone else where they were going
                .successHandler(new SecurityConfiguration.StartPages()));
    if (!settings.localSignIn()) {
      http.formLogin(form -> form.disable());
    }
  }

  private OidcUser load(OidcUserRequest request) {
    var person = delegate.loadUser(request);
    var result = people.map(person.getSubject(), person.getClaims());
    if (result.user() == null) {
      var refusal = result.refusal() == null ? "NO_ACCESS" : result.refusal().name();
      throw new OAuth2AuthenticationException(new OAuth2Error("forlop_" + refusal));
    }
    var user = result.user();
    var authorities =
        user.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
    return new OidcPerson(authorities, person.getIdToken(), person.getUserInfo(), user);
  }

  private static @Nullable JWK clientKey(@Nullable String file) {
    if (file == null || file.isBlank()) {
      return null;
    }
    try {
      var key = JWK.parse(Files.readString(Path.of(file), StandardCharsets.UTF_8));
      if (!key.isPrivate()) {
        throw new IllegalStateException("forlop.oidc.client-key-file holds no private key");
      }
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException("forlop.oidc.client-key-file cannot be read", e);
    } catch (ParseException e) {
      throw new IllegalStateException("forlop.oidc.client-key-file is not a JWK", e);
    }
  }
}
