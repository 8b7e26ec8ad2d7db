package devidp;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A development identity provider shaped like HelseID, built on Spring Authorization Server: for
 * the OIDC tests only (outside {@code no.forlop}, so the application's component scan never finds
 * it). It runs in its own application context on a random port at {@code 127.0.0.1} (another host
 * than the application's {@code localhost}, so the two session cookies stay apart), with a sign-in
 * page, test persons with HelseID's claims (one a GP, one without an HPR number) and two clients
 * that authenticate with {@code private_key_jwt} (their key pairs are made by the test; the
 * provider serves their public keys):
 *
 * <ul>
 *   <li>{@value #WEB_CLIENT}: Forløp's pages, authorization code with PKCE, scope {@code openid};
 *   <li>{@value #EHR_CLIENT}: an EHR, client credentials, scopes {@value #FHIR_SCOPE} and {@code
 *       other/read}; its access tokens are for the audience {@value #AUDIENCE}.
 * </ul>
 *
 * <p>All data here is invented: the HPR numbers are not real health personnel.
 */
public final class DevIdp implements AutoCloseable {

  public static final String WEB_CLIENT = "forlop-web";
  public static final String EHR_CLIENT = "forlop-ehr";
  public static final String FHIR_SCOPE = "forlop/fhir.write";
  public static final String AUDIENCE = "forlop";

  /**
   * A test person: password, name, HPR number (none: no HPR claim), organisation number, security
   * level and further claims of their ID token.
   */
  public record Person(
      String username,
      String password,
      String name,
      @Nullable String hprNumber,
      String organisation,
      String securityLevel,
      Map<String, String> claims) {

    public Person(
        String username,
        String password,
        String name,
        String hprNumber,
        String organisation,
        String securityLevel) {
      this(username, password, name, hprNumber, organisation, securityLevel, Map.of());
    }
  }

  /** The claim that marks a GP in the tests ({@code forlop.oidc.gp.claim}), and its value. */
  public static final String GP_CLAIM = "test://claims/gp_role";

  public static final String GP_VALUE = "fastlege";

  /** The claim with a GP's practice in the tests ({@code forlop.oidc.gp.practice-claim}). */
  public static final String PRACTICE_CLAIM = "test://claims/practice";

  /** A GP (invented HPR number) at Fjordby legesenter, signing in at level 4. */
  public static final Person FASTLEGE =
      new Person(
          "fastlege",
          "fastlege-passord",
          "Frida Fastlege",
          "9477133",
          "974600951",
          "4",
          Map.of(GP_CLAIM, GP_VALUE, PRACTICE_CLAIM, "974600951"));

  /** Marked a GP, at a practice, but with no HPR number in the token. */
  public static final Person UTEN_HPR =
      new Person(
          "utenhpr",
          "utenhpr-passord",
          "Ulf Uten",
          null,
          "974600951",
          "4",
          Map.of(GP_CLAIM, GP_VALUE, PRACTICE_CLAIM, "974600951"));

  /** Signs in at level 4 (high), at the Fjordby unit. */
  public static final Person LEGE =
      new Person("lege", "lege-passord", "Lene Lege", "9144900", "910000012", "4");

  /** Signs in at level 3 only. */
  public static final Person SVAK =
      new Person("svak", "svak-passord", "Sverre Svak", "9144901", "910000012", "3");

  private static final List<Person> PEOPLE = List.of(LEGE, SVAK, FASTLEGE, UTEN_HPR);

  private final ConfigurableApplicationContext context;
  private final RSAKey signingKey;

  private DevIdp(ConfigurableApplicationContext context, RSAKey signingKey) {
    this.context = context;
    this.signingKey = signingKey;
  }

  /**
   * Starts the provider.
   *
   * @param redirectUri where Forløp receives the authorization code
   * @param webKey the public key of Forløp's own client
   * @param ehrKey the public key of the EHR client
   */
  public static DevIdp start(String redirectUri, RSAKey webKey, RSAKey ehrKey) {
    try {
      var port = freePort();
      var signingKey = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
      var context =
          new SpringApplicationBuilder(Provider.class)
              .web(WebApplicationType.SERVLET)
              .properties(
                  "spring.config.name=devidp", // not Forløp's application.yml
                  "spring.main.banner-mode=off",
                  "server.address=127.0.0.1",
                  "server.port=" + port)
              .initializers(
                  ctx -> {
                    var beans = ctx.getBeanFactory();
                    beans.registerSingleton(
                        "signingKey", new ImmutableJWKSet<>(new JWKSet(signingKey)));
                    beans.registerSingleton("jwtDecoder", decoder(signingKey)); // for userinfo
                    beans.registerSingleton(
                        "clientKeys",
                        new ClientKeys(
                            Map.of(
                                WEB_CLIENT, webKey.toPublicJWK().toJSONString(),
                                EHR_CLIENT, ehrKey.toPublicJWK().toJSONString())));
                    beans.registerSingleton(
                        "redirectUri", new Addresses(redirectUri, "http://127.0.0.1:" + port));
                  })
              .run();
      return new DevIdp(context, signingKey);
    } catch (com.nimbusds.jose.JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static org.springframework.security.oauth2.jwt.JwtDecoder decoder(RSAKey key) {
    try {
      return org.springframework.security.oauth2.jwt.NimbusJwtDecoder.withPublicKey(
              key.toRSAPublicKey())
          .build();
    } catch (com.nimbusds.jose.JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The issuer: {@code http://127.0.0.1:<port>}. */
  public String issuer() {
    return "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  /** The provider's signing key (a test signs an expired token with it). */
  public RSAKey signingKey() {
    return signingKey;
  }

  @Override
  public void close() {
    context.close();
  }

  record ClientKeys(Map<String, String> publicKeys) {}

  record Addresses(String redirectUri, String issuer) {}

  /** A free port on this machine (for the provider, and for Forløp in the OIDC tests). */
  public static int freePort() {
    try (var socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The provider's configuration: Boot's web server and MVC, Spring Authorization Server. */
  @Configuration(proxyBeanMethods = false)
  @EnableWebSecurity
  @ImportAutoConfiguration({
    TomcatServletWebServerAutoConfiguration.class,
    DispatcherServletAutoConfiguration.class,
    WebMvcAutoConfiguration.class,
    HttpMessageConvertersAutoConfiguration.class,
    SecurityFilterAutoConfiguration.class
  })
  static class Provider {

    @Bean
    SecurityFilterChain provider(HttpSecurity http) throws Exception {
      http.authorizeHttpRequests(
              auth ->
                  auth.requestMatchers("/test-keys/**").permitAll().anyRequest().authenticated())
          .oauth2AuthorizationServer(server -> server.oidc(Customizer.withDefaults()))
          .formLogin(Customizer.withDefaults())
          .csrf(csrf -> csrf.ignoringRequestMatchers("/oauth2/**"));
      return http.build();
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(Addresses addresses) {
      return AuthorizationServerSettings.builder().issuer(addresses.issuer()).build();
    }

    @Bean
    UserDetailsService people() {
      return new InMemoryUserDetailsManager(
          PEOPLE.stream()
              .map(
                  p ->
                      User.withUsername(p.username())
                          .password("{noop}" + p.password())
                          .roles("USER")
                          .build())
              .toList());
    }

    @Bean
    RegisteredClientRepository clients(Addresses addresses) {
      var keys = addresses.issuer() + "/test-keys/";
      var web =
          RegisteredClient.withId(WEB_CLIENT)
              .clientId(WEB_CLIENT)
              .clientAuthenticationMethod(ClientAuthenticationMethod.PRIVATE_KEY_JWT)
              .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
              .redirectUri(addresses.redirectUri())
              .scope(OidcScopes.OPENID)
              .clientSettings(
                  ClientSettings.builder()
                      .requireProofKey(true)
                      .requireAuthorizationConsent(false)
                      .jwkSetUrl(keys + WEB_CLIENT)
                      .tokenEndpointAuthenticationSigningAlgorithm(SignatureAlgorithm.RS256)
                      .build())
              .build();
      var ehr =
          RegisteredClient.withId(EHR_CLIENT)
              .clientId(EHR_CLIENT)
              .clientAuthenticationMethod(ClientAuthenticationMethod.PRIVATE_KEY_JWT)
              .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
              .scope(FHIR_SCOPE)
              .scope("other/read")
              .clientSettings(
                  ClientSettings.builder()
                      .jwkSetUrl(keys + EHR_CLIENT)
                      .tokenEndpointAuthenticationSigningAlgorithm(SignatureAlgorithm.RS256)
                      .build())
              .tokenSettings(
                  TokenSettings.builder().accessTokenTimeToLive(Duration.ofMinutes(5)).build())
              .build();
      return new InMemoryRegisteredClientRepository(web, ehr);
    }

    /** HelseID's claims: the person's in the ID token, the API's audience in access tokens. */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> helseIdClaims() {
      return context -> {
        if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
          var name = context.getPrincipal().getName();
          PEOPLE.stream()
              .filter(p -> p.username().equals(name))
              .findFirst()
              .ifPresent(
                  p -> {
                    var claims =
                        context
                            .getClaims()
                            .claim("name", p.name())
                            .claim("helseid://claims/client/claims/orgnr_parent", p.organisation())
                            .claim("helseid://claims/identity/security_level", p.securityLevel());
                    if (p.hprNumber() != null) {
                      claims.claim("helseid://claims/hpr/hpr_number", p.hprNumber());
                    }
                    p.claims().forEach(claims::claim);
                  });
        } else if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
          context
              .getClaims()
              .audience(List.of(AUDIENCE))
              .claim("client_id", context.getRegisteredClient().getClientId());
        }
      };
    }

    @Bean
    TestKeys testKeys(ClientKeys keys) {
      return new TestKeys(keys);
    }
  }

  /**
   * Serves the public keys of the test clients (HelseID keeps them from the client's registration).
   */
  @RestController
  static class TestKeys {

    private final ClientKeys keys;

    TestKeys(ClientKeys keys) {
      this.keys = keys;
    }

    @GetMapping(value = "/test-keys/{client}", produces = "application/json")
    String keys(@PathVariable String client) {
      return "{\"keys\":[" + keys.publicKeys().get(client) + "]}";
    }
  }
}
