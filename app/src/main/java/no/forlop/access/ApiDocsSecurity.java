package no.forlop.access;

import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The API documentation ({@code /v3/api-docs}, Swagger UI) is for signed-in staff only (issue 14,
 * ADR 0026): it maps every endpoint and field, which helps an attacker more than a colleague who
 * has not signed in. A person signs in through the page's form (the session counts here); a program
 * that fetches the OpenAPI document sends HTTP Basic, as on the API. The integration user is a
 * system, not a reader: its developers read the documentation as staff.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class ApiDocsSecurity {

  static {
    // the acting user is resolved from the sign-in and the X-Forlop-Purpose header
    // (ActorArgumentResolver), not sent by the caller: without this springdoc shows a required
    // query parameter "actor" on every endpoint, and Swagger's "Try it out" asks for it (issue 16)
    SpringDocUtils.getConfig().addRequestWrapperToIgnore(Actor.class);
  }

  static final String[] PATHS = {
    "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html"
  };

  /**
   * What takes the actor's place in the documentation: the optional {@code X-Forlop-Purpose} header
   * (ADR 0025) on every operation that acts for someone, with the purposes a request may name, so
   * that "Try it out" can send it.
   */
  @Bean
  OperationCustomizer purposeHeader() {
    return (operation, handler) -> {
      var actsForSomeone =
          java.util.Arrays.stream(handler.getMethodParameters())
              .anyMatch(p -> Actor.class.equals(p.getParameterType()));
      if (actsForSomeone) {
        var purposes =
            java.util.Arrays.stream(Purpose.values())
                .filter(Purpose::declarable)
                .map(Purpose::code)
                .toList();
        operation.addParametersItem(
            new HeaderParameter()
                .name(Purpose.PURPOSE_HEADER)
                .required(false)
                .description(
                    "Why the data is accessed, logged with the access (ADR 0025): one of these"
                        + " or its HL7 purpose-of-use code (TREAT, COC, HQUALIMP, HOPERAT)."
                        + " Without it, the route's default.")
                .schema(new StringSchema()._enum(purposes)));
      }
      return operation;
    };
  }

  @Bean
  @Order(1) // before the pages' chain, which takes every other path
  SecurityFilterChain apiDocs(
      HttpSecurity http,
      SecuritySettings security,
      SignInGuard guard,
      MessageSource messages,
      LocaleResolver locales)
      throws Exception {
    http.securityMatcher(PATHS)
        // its Basic sign-in is guarded like the API's (ADR 0025)
        .addFilterBefore(
            new SignInThrottleFilter(guard, SignInThrottleFilter.Channel.BASIC, messages, locales),
            BasicAuthenticationFilter.class)
        .authorizeHttpRequests(
            auth ->
                auth.anyRequest()
                    .hasAnyRole(SecurityConfiguration.staffRoles().toArray(String[]::new)))
        // a browser is sent to the sign-in page, a program is asked for Basic credentials
        .formLogin(form -> form.loginPage("/login"))
        .httpBasic(basic -> {})
        .csrf(csrf -> csrf.disable()); // GETs only: the documentation changes nothing
    SecurityHeaders.apply(http, SecurityHeaders.DOCS_POLICY, security);
    return http.build();
  }
}
