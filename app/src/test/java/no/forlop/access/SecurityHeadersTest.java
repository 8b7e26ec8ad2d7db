package no.forlop.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.web.MockServletContext;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.support.AnnotationConfigWebApplicationContext;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;

/**
 * HSTS follows {@code forlop.security.tls} (issue 14, part D): with TLS on, every answer — even one
 * to a request that reached Forløp as plain HTTP from a proxy that ended TLS — tells the browser to
 * use HTTPS only; with it off (the README's {@code http://localhost:8080}), none does. A small
 * context of its own with only the headers, so the shared application context is not started twice.
 */
class SecurityHeadersTest {

  @Test
  void with_tls_every_answer_has_hsts_for_a_year() throws Exception {
    var response = answer(true);
    assertThat(response.getHeader("Strict-Transport-Security"))
        .isEqualTo("max-age=31536000 ; includeSubDomains");
    assertThat(response.getHeader("Content-Security-Policy"))
        .isEqualTo(SecurityHeaders.PAGE_POLICY);
  }

  @Test
  void without_tls_no_answer_has_hsts() throws Exception {
    var response = answer(false);
    assertThat(response.getHeader("Strict-Transport-Security")).isNull();
    assertThat(response.getHeader("Referrer-Policy")).isEqualTo("no-referrer");
    assertThat(response.getHeader("X-Frame-Options")).isEqualTo("DENY");
  }

  private static org.springframework.mock.web.MockHttpServletResponse answer(boolean tls)
      throws Exception {
    try (var context = new AnnotationConfigWebApplicationContext()) {
      context.setServletContext(new MockServletContext());
      context.addBeanFactoryPostProcessor(
          factory -> factory.registerSingleton("securitySettings", new SecuritySettings(tls)));
      context.register(Headers.class);
      context.refresh();
      var mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
      // plain HTTP, as behind a proxy that ends TLS
      var response = mvc.perform(get("http://forlop.example/hello")).andReturn().getResponse();
      assertThat(response.getStatus()).isEqualTo(200);
      return response;
    }
  }

  @Configuration(proxyBeanMethods = false)
  @EnableWebSecurity
  @EnableWebMvc
  static class Headers {

    @Bean
    SecurityFilterChain chain(HttpSecurity http, SecuritySettings settings) throws Exception {
      http.authorizeHttpRequests(auth -> auth.anyRequest().permitAll());
      SecurityHeaders.apply(http, SecurityHeaders.PAGE_POLICY, settings);
      return http.build();
    }

    @Bean
    Hello hello() {
      return new Hello();
    }
  }

  @RestController
  static class Hello {
    @GetMapping("/hello")
    String hello() {
      return "hello";
    }
  }
}
