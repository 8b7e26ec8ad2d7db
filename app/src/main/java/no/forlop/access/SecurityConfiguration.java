package no.forlop.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import no.forlop.web.ApiProblem;
import no.forlop.web.ApiProblems;
import no.forlop.web.OperationOutcome;
import no.forlop.web.SessionExpired;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Sign-in and who may call what. Two chains: the APIs ({@code /api/**}, {@code /fhir/**}, and the
 * metrics at {@code /actuator/prometheus}) are stateless with HTTP Basic and answer 401/403 as
 * OperationOutcomes; the pages use a sign-in form, a session and CSRF protection. Roles decide the
 * paths; units decide the patients (in the services, through the {@link no.forlop.access.Actor}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication // replay and import run without a web server, so without sign-in
class SecurityConfiguration {

  private static final String[] STAFF = {"COORDINATOR", "CLINICIAN", "LEADER", "ADMINISTRATOR"};

  /** Who may ask for emergency access (nødtilgang) to a patient of another unit. */
  private static final String[] EMERGENCY_ACCESS_ROLES = {"COORDINATOR", "CLINICIAN"};

  /** Who reviews the emergency accesses to the patients of their units. */
  private static final String[] EMERGENCY_REVIEW_ROLES = {"LEADER", "ADMINISTRATOR"};

  /** The metrics for Prometheus: stateless, HTTP Basic, as the APIs (ADR 0045). */
  private static final String PROMETHEUS = "/actuator/prometheus";

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  @Bean
  UserDetailsService userDetailsService(AccessSettings settings) {
    var users =
        settings.users().stream()
            .map(
                u ->
                    org.springframework.security.core.userdetails.User.withUsername(u.username())
                        .password(u.password())
                        .authorities(u.roles().stream().map(Role::authority).toArray(String[]::new))
                        .build())
            .toList();
    return new InMemoryUserDetailsManager(users);
  }

  @Bean
  @Order(1)
  SecurityFilterChain api(
      HttpSecurity http,
      MessageSource messages,
      LocaleResolver locales,
      SignInGuard guard,
      ObjectProvider<SignInMethod> signInMethods,
      SecuritySettings security)
      throws Exception {
    http.securityMatcher("/api/**", "/fhir/**", PROMETHEUS)
        // issue 14 part B: a locked username or address is refused before its password is checked
        .addFilterBefore(
            new SignInThrottleFilter(guard, SignInThrottleFilter.Channel.BASIC, messages, locales),
            BasicAuthenticationFilter.class)
        .authorizeHttpRequests(
            auth ->
                auth
                    // issue 18 (ADR 0045): the metrics, for a monitoring system's user (HTTP
                    // Basic), or an administrator
                    .requestMatchers(PROMETHEUS)
                    .hasAnyRole("MONITORING", "ADMINISTRATOR")
                    // issue 14, part F: emergency access (nødtilgang) and its review
                    .requestMatchers(HttpMethod.POST, "/api/v1/pathways/*/emergency-access")
                    .hasAnyRole(EMERGENCY_ACCESS_ROLES)
                    .requestMatchers("/api/v1/emergency-access", "/api/v1/emergency-access/**")
                    .hasAnyRole(EMERGENCY_REVIEW_ROLES)
                    .requestMatchers(HttpMethod.GET, "/api/v1/catalogue", "/api/v1/catalogue/**")
                    .permitAll()
                    .requestMatchers("/api/v1/catalogue/**")
                    .hasRole("ADMINISTRATOR")
                    // issue 17: the GP's entry criteria are reference data for every signed-in
                    // user, a GP's system (INTEGRATION) included
                    .requestMatchers(
                        HttpMethod.GET, "/api/v1/entry-criteria", "/api/v1/entry-criteria/**")
                    .authenticated()
                    .requestMatchers(HttpMethod.POST, "/api/v1/terminology/**")
                    .hasRole("ADMINISTRATOR")
                    .requestMatchers("/api/v1/ingest/reprocess", "/api/v1/ingest/pull")
                    .hasRole("ADMINISTRATOR")
                    .requestMatchers("/api/v1/ingest/**")
                    .hasAnyRole("INTEGRATION", "ADMINISTRATOR")
                    .requestMatchers(HttpMethod.GET, "/fhir/metadata")
                    .permitAll()
                    // issue 17 (ADR 0043): a GP's system polls the status of the GP's referrals
                    .requestMatchers(HttpMethod.GET, "/fhir/Task")
                    .hasRole("GP")
                    .requestMatchers("/fhir/**")
                    .hasAnyRole("INTEGRATION", "ADMINISTRATOR")
                    .requestMatchers("/api/v1/npr/**")
                    .hasAnyRole("LEADER", "ADMINISTRATOR")
                    .requestMatchers("/api/v1/audit/**")
                    .hasAnyRole("LEADER", "ADMINISTRATOR")
                    .requestMatchers(HttpMethod.GET, "/api/v1/pathways/**")
                    .hasAnyRole(STAFF)
                    .requestMatchers(HttpMethod.POST, "/api/v1/pathways/search") // a read (14 D)
                    .hasAnyRole(STAFF)
                    .requestMatchers("/api/v1/pathways/**")
                    .hasAnyRole("COORDINATOR", "CLINICIAN", "ADMINISTRATOR")
                    .anyRequest()
                    .hasAnyRole(STAFF))
        .httpBasic(
            basic ->
                basic.authenticationEntryPoint(
                    (request, response, e) ->
                        outcome(
                            response,
                            HttpServletResponse.SC_UNAUTHORIZED,
                            new ApiProblem(HttpStatus.UNAUTHORIZED, "login", "NOT_SIGNED_IN")
                                .outcome(messages, locales.resolveLocale(request)))))
        .exceptionHandling(
            handling ->
                handling.accessDeniedHandler(
                    (request, response, e) ->
                        outcome(
                            response,
                            HttpServletResponse.SC_FORBIDDEN,
                            ApiProblem.forbidden("NOT_ALLOWED")
                                .outcome(messages, locales.resolveLocale(request)))))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable());
    SecurityHeaders.apply(http, SecurityHeaders.API_POLICY, security); // issue 14, hardening
    signInMethods.orderedStream().forEach(method -> method.api(http)); // OIDC, ADR 0027
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain pages(
      HttpSecurity http,
      MessageSource messages,
      LocaleResolver locales,
      SignInGuard guard,
      ObjectProvider<SignInMethod> signInMethods,
      SecuritySettings security)
      throws Exception {
    // issue 14 part B: a locked username or address is refused before its password is checked
    http.addFilterBefore(
        new SignInThrottleFilter(guard, SignInThrottleFilter.Channel.FORM, messages, locales),
        UsernamePasswordAuthenticationFilter.class);
    http.authorizeHttpRequests(
            auth ->
                auth.requestMatchers(
                        "/login",
                        "/css/**",
                        "/js/**",
                        "/webjars/**",
                        "/favicon.ico",
                        "/favicon.svg",
                        "/error",
                        "/catalogue",
                        "/henvisning", // issue 17: the GP's referral support, no patient data
                        "/henvisning/*",
                        "/actuator/health",
                        // issue 18: the orchestrator's probes (deploy/kubernetes), without sign-in
                        "/actuator/health/liveness",
                        "/actuator/health/readiness",
                        "/actuator/info")
                    .permitAll()
                    // issue 14, part F: emergency access (nødtilgang) and its review
                    .requestMatchers("/pathways/*/emergency-access")
                    .hasAnyRole(EMERGENCY_ACCESS_ROLES)
                    .requestMatchers("/emergency-access", "/emergency-access/**")
                    .hasAnyRole(EMERGENCY_REVIEW_ROLES)
                    // issue 17 (ADR 0043): the GP's own page, the status of their referrals
                    .requestMatchers("/fastlege")
                    .hasRole("GP")
                    .anyRequest()
                    .hasAnyRole(STAFF))
        .formLogin(form -> form.loginPage("/login").successHandler(new StartPages()).permitAll())
        .logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll())
        // issue 16: a refusal is the error page in the user's language (no JSON); a form without a
        // valid CSRF token means the session ended while the page was open, and says so
        .exceptionHandling(handling -> handling.accessDeniedHandler(SecurityConfiguration::refused))
        .headers(Customizer.withDefaults());
    SecurityHeaders.apply(http, SecurityHeaders.PAGE_POLICY, security); // issue 14, hardening
    signInMethods.orderedStream().forEach(method -> method.pages(http)); // OIDC, ADR 0027
    return http.build();
  }

  /**
   * Where a sign-in lands: a GP on their own page (the only one they may see); everyone else on the
   * page they asked for before signing in, else the start page {@code /}.
   */
  static final class StartPages
      extends org.springframework.security.web.authentication
          .SavedRequestAwareAuthenticationSuccessHandler {

    StartPages() {
      setDefaultTargetUrl("/");
    }

    @Override
    public void onAuthenticationSuccess(
        HttpServletRequest request,
        HttpServletResponse response,
        org.springframework.security.core.Authentication authentication)
        throws IOException, jakarta.servlet.ServletException {
      if (authentication.getAuthorities().stream()
          .anyMatch(a -> Role.GP.authority().equals(a.getAuthority()))) {
        clearAuthenticationAttributes(request);
        getRedirectStrategy().sendRedirect(request, response, "/fastlege");
        return;
      }
      super.onAuthenticationSuccess(request, response, authentication);
    }
  }

  /** A page request refused: the error page (ErrorPages) answers the 403. */
  private static void refused(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
      throws IOException {
    if (e instanceof CsrfException) {
      SessionExpired.mark(request);
    }
    if (!response.isCommitted()) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN);
    }
  }

  /**
   * Writes an outcome. These errors happen before Spring MVC, so the language comes from the locale
   * resolver directly (Norwegian bokmål unless the client asks for English).
   */
  private static void outcome(HttpServletResponse response, int status, OperationOutcome outcome)
      throws IOException {
    if (status == HttpServletResponse.SC_UNAUTHORIZED) {
      response.setHeader("WWW-Authenticate", "Basic realm=\"Forlop\"");
    }
    ApiProblems.write(response, status, outcome);
  }

  static List<String> staffRoles() {
    return List.of(STAFF);
  }
}
