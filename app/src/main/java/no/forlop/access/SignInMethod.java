package no.forlop.access;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * A further way to sign in, added to the security chains only when configured (HelseID-shaped OIDC
 * for people, bearer tokens for systems; ADR 0027). Without one, the chains are local users only.
 */
interface SignInMethod {

  /** Adds the method to the pages' chain. */
  default void pages(HttpSecurity http) {}

  /** Adds the method to the APIs' chain ({@code /api/**}, {@code /fhir/**}). */
  default void api(HttpSecurity http) {}
}
