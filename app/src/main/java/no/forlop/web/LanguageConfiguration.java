package no.forlop.web;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Chooses the language of pages and messages: the one the user picked ({@code ?lang=en} or {@code
 * ?lang=nb}, remembered in a cookie), else the first of English and Norwegian the browser or API
 * client prefers in {@code Accept-Language}, else Norwegian bokmål.
 */
@Configuration(proxyBeanMethods = false)
class LanguageConfiguration implements WebMvcConfigurer {

  static final Locale NORWEGIAN = Locale.forLanguageTag("nb");

  @Bean
  LocaleResolver localeResolver() {
    var resolver = new CookieLocaleResolver("forlop-lang");
    resolver.setDefaultLocaleFunction(request -> preferred(request.getHeader("Accept-Language")));
    return resolver;
  }

  /** The language an {@code Accept-Language} header prefers ({@link PreferredLanguage}). */
  static Locale preferred(@Nullable String header) {
    return PreferredLanguage.of(header);
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    var interceptor = new LocaleChangeInterceptor();
    interceptor.setParamName("lang");
    registry.addInterceptor(interceptor);
  }
}
