package no.forlop.web;

import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Chooses the language of pages and messages: Norwegian bokmål unless the user picked English
 * ({@code ?lang=en}, remembered in a cookie) or an API client ({@code /api/}, {@code /fhir/}) asks
 * for English in {@code Accept-Language}.
 */
@Configuration(proxyBeanMethods = false)
class LanguageConfiguration implements WebMvcConfigurer {

  static final Locale NORWEGIAN = Locale.forLanguageTag("nb");

  @Bean
  LocaleResolver localeResolver() {
    var resolver = new CookieLocaleResolver("forlop-lang");
    resolver.setDefaultLocaleFunction(
        request -> {
          // pages are Norwegian until the user picks English; API clients may ask for English
          var path = request.getRequestURI().substring(request.getContextPath().length());
          // POST /fhir (a batch or transaction) is the FHIR endpoint too
          var api = path.startsWith("/api/") || path.equals("/fhir") || path.startsWith("/fhir/");
          var header = request.getHeader("Accept-Language");
          return api && header != null && header.toLowerCase(Locale.ROOT).startsWith("en")
              ? Locale.ENGLISH
              : NORWEGIAN;
        });
    return resolver;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    var interceptor = new LocaleChangeInterceptor();
    interceptor.setParamName("lang");
    registry.addInterceptor(interceptor);
  }
}
