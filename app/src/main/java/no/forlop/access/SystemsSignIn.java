package no.forlop.access;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import no.forlop.web.ApiProblem;
import no.forlop.web.ApiProblems;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Systems (an EHR) call {@code /fhir} and the bulk import with a bearer access token from the
 * configured issuer, got with client credentials (HelseID: client authentication with {@code
 * private_key_jwt}). The token's signature, issuer, times and (when set) audience are checked; a
 * token with the configured scope, from an allowed client, gives the integration role, any other
 * none (403). Basic sign-in for local users keeps working beside it.
 */
final class SystemsSignIn implements SignInMethod {

  private final OidcSettings.Systems settings;
  private final JwtDecoder decoder;
  private final MessageSource messages;
  private final LocaleResolver locales;

  SystemsSignIn(OidcSettings settings, MessageSource messages, LocaleResolver locales) {
    this.settings = settings.systems();
    this.messages = messages;
    this.locales = locales;
    var issuer = this.settings.issuerUri();
    var audience = this.settings.audience();
    this.decoder =
        new SupplierJwtDecoder(
            () -> {
              var nimbus = NimbusJwtDecoder.withIssuerLocation(issuer).build();
              List<OAuth2TokenValidator<Jwt>> checks = new ArrayList<>();
              checks.add(JwtValidators.createDefaultWithIssuer(issuer));
              if (audience != null && !audience.isBlank()) {
                checks.add(
                    new JwtClaimValidator<List<String>>(
                        "aud", aud -> aud != null && aud.contains(audience)));
              }
              nimbus.setJwtValidator(new DelegatingOAuth2TokenValidator<>(checks));
              return nimbus;
            });
  }

  @Override
  public void api(HttpSecurity http) {
    var bearer = new BearerTokenAuthenticationEntryPoint();
    http.oauth2ResourceServer(
        server ->
            server
                .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(this::authenticate))
                .authenticationEntryPoint(
                    (request, response, e) -> {
                      bearer.commence(request, response, e); // status and WWW-Authenticate
                      ApiProblems.write(
                          response,
                          response.getStatus(),
                          new ApiProblem(HttpStatus.UNAUTHORIZED, "login", "NOT_SIGNED_IN")
                              .outcome(messages, locales.resolveLocale(request)));
                    }));
  }

  SystemToken authenticate(Jwt jwt) {
    var clientId = jwt.getClaimAsString("client_id");
    if (clientId == null || clientId.isBlank()) {
      clientId = jwt.getSubject();
    }
    var id = clientId == null ? "unknown" : clientId;
    var allowed =
        settings.clients().isEmpty()
            || settings.clients().stream().anyMatch(c -> c.clientId().equals(id));
    var name =
        settings.clients().stream()
            .filter(c -> c.clientId().equals(id) && c.name() != null)
            .map(OidcSettings.SystemClient::name)
            .findFirst()
            .orElse(id);
    Collection<GrantedAuthority> authorities =
        allowed && scopes(jwt).contains(settings.scope())
            ? List.of(new SimpleGrantedAuthority(Role.INTEGRATION.authority()))
            : List.of();
    var roles =
        authorities.isEmpty() ? java.util.Set.<Role>of() : java.util.Set.of(Role.INTEGRATION);
    var username = ("client:" + id);
    var user =
        new User(
            username.length() > 100 ? username.substring(0, 100) : username,
            name,
            null,
            roles,
            List.of());
    return new SystemToken(jwt, authorities, user);
  }

  /** The token's scopes: OAuth's space-separated {@code scope}, or a list (as HelseID sends). */
  private static List<String> scopes(Jwt jwt) {
    var claim = jwt.getClaims().get("scope");
    if (claim instanceof Collection<?> list) {
      return list.stream().map(Object::toString).toList();
    }
    if (claim instanceof String text) {
      return List.of(text.split(" "));
    }
    var scp = jwt.getClaims().get("scp");
    if (scp instanceof Collection<?> list) {
      return list.stream().map(Object::toString).toList();
    }
    return List.of();
  }
}
