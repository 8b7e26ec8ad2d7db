package no.forlop.access;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;

/**
 * The response headers that harden the pages and the APIs (issue 14, ADR 0026): a strict
 * Content-Security-Policy (nothing inline, nothing from elsewhere, no framing), no referrer, no
 * content sniffing, no framing, and HSTS when Forløp is served over TLS ({@code
 * forlop.security.tls}; the session cookie's {@code Secure} flag follows the same setting in
 * application.yml).
 */
final class SecurityHeaders {

  /**
   * The pages' policy. Scripts and styles only from Forløp itself (no inline script, no {@code
   * style} attribute or element: bars are sized by {@code forlop.js} through the CSSOM, which CSP
   * does not restrict); images also as {@code data:} URLs (Pico's icons, the chart download); a
   * form posts only back to Forløp; no plug-ins, no {@code <base>} elsewhere, no framing.
   */
  static final String PAGE_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
          + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
          + "form-action 'self'; frame-ancestors 'none'";

  /**
   * Swagger UI's policy: the pages' one, except that its bundle injects one {@code <style>}
   * element, allowed by its hash (not by {@code 'unsafe-inline'}). A newer Swagger UI with another
   * style shows up as a violation in {@code HardenedPagesBrowserIT}, which names the new hash.
   */
  static final String DOCS_POLICY =
      PAGE_POLICY.replace(
          "style-src 'self'",
          "style-src 'self' 'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='");

  /** The APIs answer data, never a document to render: nothing may load from it or frame it. */
  static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

  /** One year, the value HSTS preload lists ask for. */
  private static final long HSTS_SECONDS = 31_536_000;

  private SecurityHeaders() {}

  /** Writes the headers of a chain; {@code policy} is {@link #PAGE_POLICY} or API_POLICY. */
  static void apply(HttpSecurity http, String policy, SecuritySettings settings) throws Exception {
    http.headers(
        headers -> {
          headers
              .contentSecurityPolicy(csp -> csp.policyDirectives(policy))
              .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
              .frameOptions(frame -> frame.deny())
              .contentTypeOptions(options -> {});
          if (settings.tls()) {
            // behind a proxy that ends TLS the request itself may look like plain HTTP: the
            // setting, not the request, says whether the browser reached us over TLS
            headers.httpStrictTransportSecurity(
                hsts ->
                    hsts.requestMatcher(AnyRequestMatcher.INSTANCE)
                        .maxAgeInSeconds(HSTS_SECONDS)
                        .includeSubDomains(true));
          } else {
            headers.httpStrictTransportSecurity(hsts -> hsts.disable());
          }
        });
  }
}
