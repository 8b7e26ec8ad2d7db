package no.forlop.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.TreeSet;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * One message source for all user-visible text. Each module keeps its own bundle ({@code
 * messages-<module>.properties}, Norwegian bokmål, with {@code _en} for English) next to the common
 * {@code messages.properties}; every bundle on the class path is found here, so a module adds text
 * without touching shared configuration.
 */
@Configuration(proxyBeanMethods = false)
class MessagesConfiguration {

  @Bean
  MessageSource messageSource() {
    var source = new ResourceBundleMessageSource();
    source.setBasenames(bundles());
    source.setDefaultEncoding("UTF-8");
    // a missing English text falls back to the Norwegian bundle, never to the JVM's own locale
    source.setFallbackToSystemLocale(false);
    return source;
  }

  static String[] bundles() {
    try {
      var names = new TreeSet<String>();
      for (var resource :
          new PathMatchingResourcePatternResolver()
              .getResources("classpath*:messages*.properties")) {
        var file = Objects.requireNonNull(resource.getFilename());
        var name = file.substring(0, file.length() - ".properties".length());
        var locale = name.indexOf('_');
        names.add(locale < 0 ? name : name.substring(0, locale));
      }
      return names.toArray(String[]::new);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not list the message bundles", e);
    }
  }
}
