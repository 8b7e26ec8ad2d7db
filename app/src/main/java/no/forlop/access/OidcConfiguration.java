package no.forlop.access;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The HelseID-shaped sign-in methods, each only when configured (ADR 0027, docs/oidc.md): without
 * settings, Forløp signs in local users only, exactly as before.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class OidcConfiguration {

  /** What the sign-in page offers. */
  @Bean
  SignInOptions signInOptions(
      OidcSettings settings, ObjectProvider<ClientRegistrationRepository> registrations) {
    var helseId =
        registrations.getIfAvailable() != null
            && registrations.getObject().findByRegistrationId(PeopleSignIn.REGISTRATION) != null;
    return new SignInOptions(
        helseId, !helseId || settings.localSignIn(), settings.requiredSecurityLevel());
  }

  @Bean
  @ConditionalOnProperty(
      prefix = "spring.security.oauth2.client.registration." + PeopleSignIn.REGISTRATION,
      name = "client-id")
  SignInMethod peopleSignIn(
      OidcSettings settings, Users users, ClientRegistrationRepository registrations) {
    return new PeopleSignIn(settings, users, registrations);
  }

  @Bean
  @ConditionalOnProperty(prefix = "forlop.oidc.systems", name = "issuer-uri")
  SignInMethod systemsSignIn(
      OidcSettings settings, MessageSource messages, LocaleResolver locales) {
    return new SystemsSignIn(settings, messages, locales);
  }
}
