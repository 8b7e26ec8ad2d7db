package no.forlop.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import devidp.DevIdp;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import no.forlop.ingest.referral.GpReferral;
import no.forlop.ingest.referral.ReferralBundles;
import no.forlop.testing.BrowserTest;
import no.forlop.testing.TestPatients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * HelseID-shaped sign-in against a real OpenID provider: the development identity provider ({@link
 * DevIdp}, Spring Authorization Server) runs on its own port, and Forløp runs with OIDC settings
 * pointing at it. People sign in in Chromium through the provider's sign-in page (authorization
 * code with PKCE, Forløp authenticating with {@code private_key_jwt}); an EHR gets a token with
 * client credentials and {@code private_key_jwt} and sends a transaction to {@code /fhir}.
 *
 * <p>This is the one extra application context of the OIDC tests (its settings differ from {@link
 * no.forlop.testing.ApplicationTest}'s); keep further OIDC tests in this class.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
    properties = {
      "forlop.database.embedded.temporary=true",
      "forlop.clock.fixed=2024-12-31T10:00:00Z",
      "spring.autoconfigure.exclude="
          + "org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet"
          + ".OAuth2AuthorizationServerAutoConfiguration,"
          + "org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet"
          + ".OAuth2AuthorizationServerJwtAutoConfiguration",
      "spring.security.oauth2.client.registration.helseid.client-id=" + DevIdp.WEB_CLIENT,
      "spring.security.oauth2.client.registration.helseid.client-authentication-method=private_key_jwt",
      "spring.security.oauth2.client.registration.helseid.authorization-grant-type=authorization_code",
      "spring.security.oauth2.client.registration.helseid.scope=openid",
      "spring.security.oauth2.client.registration.helseid.redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
      "forlop.oidc.local-sign-in=false",
      "forlop.oidc.required-security-level=4",
      "forlop.oidc.people[0].hpr-number=9144900",
      "forlop.oidc.people[0].roles=COORDINATOR",
      "forlop.oidc.people[0].units=910000012",
      "forlop.oidc.people[1].hpr-number=9144901",
      "forlop.oidc.people[1].roles=COORDINATOR",
      "forlop.oidc.people[1].units=910000012",
      "forlop.oidc.gp.claim=" + DevIdp.GP_CLAIM,
      "forlop.oidc.gp.values=" + DevIdp.GP_VALUE,
      "forlop.oidc.gp.practice-claim=" + DevIdp.PRACTICE_CLAIM,
      "forlop.oidc.systems.audience=" + DevIdp.AUDIENCE,
      "forlop.oidc.systems.scope=" + DevIdp.FHIR_SCOPE,
      "forlop.oidc.systems.clients[0].client-id=" + DevIdp.EHR_CLIENT,
      "forlop.oidc.systems.clients[0].name=Test-EPJ"
    })
@DirtiesContext // closes this context (and its database) after the class: no other test uses it
class OidcSignInIT extends BrowserTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final int FORLOP_PORT = DevIdp.freePort();
  private static RSAKey webKey;
  private static RSAKey ehrKey;
  private static DevIdp idp;

  @Autowired private JdbcClient jdbc;

  @DynamicPropertySource
  static void oidc(DynamicPropertyRegistry registry) throws Exception {
    webKey = new RSAKeyGenerator(2048).keyID("forlop-web-key").generate();
    ehrKey = new RSAKeyGenerator(2048).keyID("forlop-ehr-key").generate();
    idp =
        DevIdp.start(
            "http://localhost:" + FORLOP_PORT + "/login/oauth2/code/helseid", webKey, ehrKey);
    var keyFile = Files.createTempFile("forlop-web-key", ".json");
    keyFile.toFile().deleteOnExit();
    Files.writeString(keyFile, webKey.toJSONString());
    registry.add("server.port", () -> FORLOP_PORT);
    registry.add("spring.security.oauth2.client.provider.helseid.issuer-uri", idp::issuer);
    registry.add("forlop.oidc.client-key-file", keyFile::toString);
    registry.add("forlop.oidc.systems.issuer-uri", idp::issuer);
  }

  @AfterAll
  static void stopProvider() {
    if (idp != null) {
      idp.close();
    }
  }

  // people

  @Test
  void a_person_signs_in_through_the_providers_page_and_sees_her_units_worklist() {
    signOutEverywhere();
    browser.get(url("/worklist"));
    // Forløp's sign-in page offers HelseID only (local-sign-in=false)
    assertThat(browser.findElements(By.id("username"))).isEmpty();
    find(By.id("sign-in-helseid")).click();

    signInAtProvider(DevIdp.LEGE);

    waitFor(ExpectedConditions.urlContains("localhost:" + FORLOP_PORT + "/worklist"));
    assertThat(find(By.className("who")).getText()).isEqualTo(DevIdp.LEGE.name());
    var units =
        find(By.name("unit")).findElements(By.tagName("option")).stream()
            .map(o -> o.getText())
            .toList();
    assertThat(units).contains("Fjordby sykehus HF").doesNotContain("Nordvik sykehus HF");
  }

  @Test
  void a_person_signed_in_below_the_required_security_level_is_refused() {
    signOutEverywhere();
    browser.get(url("/worklist"));
    find(By.id("sign-in-helseid")).click();

    signInAtProvider(DevIdp.SVAK);

    waitFor(ExpectedConditions.urlContains("localhost:" + FORLOP_PORT + "/login?refused="));
    assertThat(find(By.id("refused")).getText())
        .contains("for lavt sikkerhetsnivå")
        .contains("krever sikkerhetsnivå 4");
    browser.get(url("/worklist"));
    assertThat(browser.getCurrentUrl()).contains("/login");
  }

  /** A referral to Fjordby sykehus written by the GP with this HPR number, sent by the EHR. */
  private void referralBy(String hpr, String writtenAt) throws Exception {
    var referral =
        new GpReferral(
            UUID.randomUUID(),
            Instant.parse(writtenAt),
            new GpReferral.Person(TestPatients.next(), "Kari Testesen", null),
            new GpReferral.Organisation("974600951", "Fjordby legesenter"),
            new GpReferral.Organisation("910000012", "Fjordby sykehus HF"),
            "colorectal",
            "Pakkeforløp for tykk- og endetarmskreft",
            "A12A",
            "PK",
            "C18",
            "2026.12.1",
            "Kriteriene for begrunnet mistanke er oppfylt.",
            List.of(),
            List.of(),
            hpr);
    var response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url("/fhir")))
                .header("Authorization", basic("ehr"))
                .header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString(ReferralBundles.transaction(referral)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }

  @Test
  void a_gp_with_an_hpr_number_in_the_token_lands_on_their_own_referrals_only() throws Exception {
    referralBy(DevIdp.FASTLEGE.hprNumber(), "2024-11-04T08:30:00Z");
    referralBy("9588244", "2024-11-06T08:30:00Z"); // another GP's
    signOutEverywhere();
    browser.get(url("/login"));
    find(By.id("sign-in-helseid")).click();

    signInAtProvider(DevIdp.FASTLEGE);

    waitFor(ExpectedConditions.urlContains("localhost:" + FORLOP_PORT + "/fastlege"));
    assertThat(find(By.id("gp-who")).getText()).contains("Frida Fastlege", "9477133");
    var rows =
        browser.findElements(By.cssSelector("#gp-referrals tr.gp-referral")).stream()
            .map(r -> r.findElement(By.className("gp-written")).getText())
            .toList();
    assertThat(rows).containsExactly("04.11.2024");
    var before = find(By.tagName("html"));
    browser.get(url("/worklist"));
    waitFor(ExpectedConditions.stalenessOf(before));
    assertThat(browser.findElements(By.id("worklist"))).as("a GP: no staff page").isEmpty();
  }

  @Test
  void a_gp_without_an_hpr_number_in_the_token_has_no_gp_access() {
    signOutEverywhere();
    browser.get(url("/fastlege"));
    find(By.id("sign-in-helseid")).click();

    signInAtProvider(DevIdp.UTEN_HPR);

    waitFor(ExpectedConditions.urlContains("localhost:" + FORLOP_PORT + "/login?refused="));
    assertThat(browser.getCurrentUrl()).contains("refused=NO_ACCESS");
    browser.get(url("/fastlege"));
    assertThat(browser.getCurrentUrl()).contains("/login");
  }

  // systems

  @Test
  void an_ehr_with_a_client_credentials_token_sends_a_transaction() throws Exception {
    var token = clientCredentials(DevIdp.FHIR_SCOPE);

    var response = fhir("Bearer " + token, "enc-oidc-1");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("transaction-response");
    // the delivery is kept with the client as its sender (Forløp's user for the token)
    var sender =
        jdbc.sql("select actor from delivery where convert_from(body, 'UTF8') like :id")
            .param("id", "%enc-oidc-1%")
            .query(String.class)
            .single();
    assertThat(sender).isEqualTo("client:" + DevIdp.EHR_CLIENT);
  }

  @Test
  void the_bulk_import_takes_a_client_credentials_token_with_the_scope_only() throws Exception {
    var line =
        """
        {"resourceType":"Encounter","id":"enc-oidc-bulk","status":"finished",\
        "class":{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"AMB"},\
        "subject":{"reference":"Patient/p-oidc"},"period":{"start":"2024-03-11T09:00:00+01:00"}}
        """;

    var accepted = bulk("Bearer " + clientCredentials(DevIdp.FHIR_SCOPE), line);
    var refused = bulk("Bearer " + clientCredentials("other/read"), line);

    assertThat(accepted.statusCode()).as(accepted.body()).isIn(200, 202);
    var job = MAPPER.readTree(accepted.body()).get("id").asString();
    assertThat(
            jdbc.sql("select actor from bulk_job where id = cast(:id as uuid)")
                .param("id", job)
                .query(String.class)
                .single())
        .isEqualTo("client:" + DevIdp.EHR_CLIENT);
    assertThat(refused.statusCode()).isEqualTo(403);
  }

  @Test
  void a_token_without_the_scope_is_forbidden() throws Exception {
    var token = clientCredentials("other/read");

    assertThat(fhir("Bearer " + token, "enc-oidc-2").statusCode()).isEqualTo(403);
  }

  @Test
  void a_token_from_another_issuer_is_refused() throws Exception {
    // signed with the provider's own key: only the issuer is wrong
    var otherIssuer =
        accessToken(idp.signingKey(), "http://127.0.0.1:1/", Instant.now().plusSeconds(300));
    var response = fhir("Bearer " + otherIssuer, "enc-oidc-3");
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).contains("NOT_SIGNED_IN");

    // and a stranger's key with the provider's name is refused by its signature
    var stranger = new RSAKeyGenerator(2048).keyID("stranger").generate();
    var forged = accessToken(stranger, idp.issuer(), Instant.now().plusSeconds(300));
    assertThat(fhir("Bearer " + forged, "enc-oidc-3b").statusCode()).isEqualTo(401);
  }

  @Test
  void an_expired_token_from_the_provider_is_refused() throws Exception {
    // signed with the provider's own key: only the time is wrong (beyond the 60 s clock skew)
    var expired = accessToken(idp.signingKey(), idp.issuer(), Instant.now().minusSeconds(600));
    var fresh = accessToken(idp.signingKey(), idp.issuer(), Instant.now().plusSeconds(300));

    assertThat(fhir("Bearer " + expired, "enc-oidc-4").statusCode()).isEqualTo(401);
    assertThat(fhir("Bearer " + fresh, "enc-oidc-5").statusCode()).isEqualTo(200);
  }

  @Test
  void a_token_for_another_audience_is_refused() throws Exception {
    var token =
        sign(
            idp.signingKey(),
            claims(idp.issuer(), Instant.now().plusSeconds(300)).audience("another-api").build());

    assertThat(fhir("Bearer " + token, "enc-oidc-6").statusCode()).isEqualTo(401);
  }

  @Test
  void local_users_still_sign_in_with_basic() throws Exception {
    assertThat(fhir(basic("ehr"), "enc-oidc-7").statusCode()).isEqualTo(200);
    assertThat(fhir(basic("kari"), "enc-oidc-8").statusCode()).isEqualTo(403);
  }

  // helpers

  private void signOutEverywhere() {
    browser.get(idp.issuer() + "/login");
    browser.manage().deleteAllCookies();
    browser.get(url("/login"));
    browser.manage().deleteAllCookies();
  }

  private void signInAtProvider(DevIdp.Person person) {
    waitFor(ExpectedConditions.urlContains("127.0.0.1"));
    find(By.id("username")).sendKeys(person.username());
    find(By.id("password")).sendKeys(person.password());
    find(By.cssSelector("button[type=submit]")).click();
  }

  /** A token from the provider's token endpoint: client credentials, {@code private_key_jwt}. */
  private String clientCredentials(String scope) throws Exception {
    var tokenEndpoint = idp.issuer() + "/oauth2/token";
    var assertion =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(ehrKey.getKeyID()).build(),
            new JWTClaimsSet.Builder()
                .issuer(DevIdp.EHR_CLIENT)
                .subject(DevIdp.EHR_CLIENT)
                .audience(tokenEndpoint)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(60)))
                .build());
    assertion.sign(new RSASSASigner(ehrKey));
    var form =
        "grant_type=client_credentials&scope="
            + URLEncoder.encode(scope, StandardCharsets.UTF_8)
            + "&client_id="
            + DevIdp.EHR_CLIENT
            + "&client_assertion_type="
            + URLEncoder.encode(
                "urn:ietf:params:oauth:client-assertion-type:jwt-bearer", StandardCharsets.UTF_8)
            + "&client_assertion="
            + assertion.serialize();
    var response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(tokenEndpoint))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return MAPPER.readTree(response.body()).get("access_token").asString();
  }

  private static JWTClaimsSet.Builder claims(String issuer, Instant expires) {
    return new JWTClaimsSet.Builder()
        .issuer(issuer)
        .subject(DevIdp.EHR_CLIENT)
        .claim("client_id", DevIdp.EHR_CLIENT)
        .claim("scope", List.of(DevIdp.FHIR_SCOPE))
        .audience(DevIdp.AUDIENCE)
        .issueTime(Date.from(expires.minusSeconds(300)))
        .notBeforeTime(Date.from(expires.minusSeconds(300)))
        .expirationTime(Date.from(expires));
  }

  private static String accessToken(RSAKey key, String issuer, Instant expires) throws Exception {
    return sign(key, claims(issuer, expires).build());
  }

  private static String sign(RSAKey key, JWTClaimsSet claims) throws Exception {
    var jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(key.getKeyID())
                .type(JOSEObjectType.JWT)
                .build(),
            claims);
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }

  private HttpResponse<String> bulk(String authorization, String ndjson) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url("/api/v1/ingest/bulk?name=oidc.ndjson")))
            .header("Content-Type", "application/fhir+ndjson")
            .header("Authorization", authorization)
            .POST(HttpRequest.BodyPublishers.ofString(ndjson))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> fhir(String authorization, String encounterId) throws Exception {
    var encounter =
        """
        {"resourceType":"Encounter","id":"%s","status":"finished",\
        "class":{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"AMB"},\
        "subject":{"reference":"Patient/p-oidc"},"period":{"start":"2024-03-11T09:00:00+01:00"}}"""
            .formatted(encounterId);
    var bundle =
        "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[{\"resource\":"
            + encounter
            + ",\"request\":{\"method\":\"PUT\",\"url\":\"Encounter/"
            + encounterId
            + "\"}}]}";
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url("/fhir")))
            .header("Content-Type", "application/fhir+json")
            .header("Authorization", authorization)
            .POST(HttpRequest.BodyPublishers.ofString(bundle))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
