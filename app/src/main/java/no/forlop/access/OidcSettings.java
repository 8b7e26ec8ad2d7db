package no.forlop.access;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * HelseID-shaped sign-in ({@code forlop.oidc.*}, docs/oidc.md, ADR 0027). Off unless configured:
 * people sign in with OIDC when a client registration {@code helseid} exists ({@code
 * spring.security.oauth2.client.registration.helseid.*}); systems call {@code /fhir} and the bulk
 * import with bearer tokens when {@code forlop.oidc.systems.issuer-uri} is set.
 *
 * @param localSignIn whether the local sign-in form is offered next to HelseID (the API's Basic
 *     sign-in for local users stays either way)
 * @param requiredSecurityLevel the lowest security level a person must have signed in with
 *     (HelseID: 2, 3 or 4; 4 is high, e.g. BankID)
 * @param clientKeyFile a JWK (JSON) file with the private key Forløp's own client authenticates
 *     with when its registration uses {@code private_key_jwt} (HelseID requires it)
 * @param people who may sign in, by HPR number or subject, with roles and units (or linked to a
 *     local user); nobody else gets in. (There is no rule by organisation number: HelseID's {@code
 *     orgnr_parent} is a claim about the client, set for every sign-in through Forløp's own client,
 *     so it says nothing about where the person works.)
 * @param gp who signs in as a GP without being among {@code people} (ADR 0048); off unless its
 *     claim is configured
 */
@ConfigurationProperties("forlop.oidc")
public record OidcSettings(
    @DefaultValue("true") boolean localSignIn,
    @DefaultValue("4") int requiredSecurityLevel,
    @Nullable String clientKeyFile,
    @DefaultValue Claims claims,
    @Nullable List<Person> people,
    @DefaultValue Systems systems,
    @DefaultValue Gp gp) {

  public OidcSettings {
    people = people == null ? List.of() : List.copyOf(people);
  }

  /** The names of the claims read from the ID token (HelseID's names by default). */
  public record Claims(
      @DefaultValue("helseid://claims/hpr/hpr_number") String hprNumber,
      @DefaultValue("helseid://claims/identity/security_level") String securityLevel,
      @DefaultValue("name") String name) {}

  /**
   * A person who may sign in: matched by HPR number or by subject ({@code sub}); either linked to a
   * local user ({@code username}: that user's roles and units) or given roles and units here.
   */
  public record Person(
      @Nullable String hprNumber,
      @Nullable String subject,
      @Nullable String username,
      @Nullable Set<Role> roles,
      @Nullable List<String> units) {}

  /**
   * Systems calling with bearer tokens (client credentials).
   *
   * @param issuerUri the token issuer; unset: no bearer tokens are accepted
   * @param audience the audience a token must be for (HelseID: the API's name); unset: not checked
   * @param scope the scope that gives a token the integration role
   * @param clients the client ids allowed (with their names for the audit log); empty: any client
   *     whose token has the scope
   */
  public record Systems(
      @Nullable String issuerUri,
      @Nullable String audience,
      @DefaultValue("forlop/fhir.write") String scope,
      @Nullable List<SystemClient> clients) {

    public Systems {
      clients = clients == null ? List.of() : List.copyOf(clients);
    }
  }

  /**
   * GPs who sign in with HelseID and are not among {@code people} (ADR 0048): a person whose ID
   * token has the HPR number claim, the claim {@code claim} with one of {@code values} (for a list
   * claim: among its values) and the practice's organisation number in {@code practiceClaim} is a
   * GP with that HPR number, who sees the referrals with it ({@code /fastlege}, {@code GET
   * /fhir/Task}) and nothing else. HelseID says who the person is and that they are health
   * personnel, not that they are a GP: which claim says so depends on the sign-in set-up, so nobody
   * is a GP by token until it is configured.
   *
   * @param claim the claim that marks a GP; unset: no one becomes a GP by token
   * @param values the values of that claim that do
   * @param practiceClaim the claim with the practice's organisation number (9 digits)
   */
  public record Gp(
      @Nullable String claim, @Nullable List<String> values, @Nullable String practiceClaim) {

    public Gp {
      values = values == null ? List.of() : List.copyOf(values);
    }

    /** Whether GPs may sign in by token at all. */
    public boolean enabled() {
      return claim != null && !claim.isBlank();
    }
  }

  /** An EHR system allowed to send events. */
  public record SystemClient(String clientId, @Nullable String name) {}
}
