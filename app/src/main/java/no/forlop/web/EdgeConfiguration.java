package no.forlop.web;

import jakarta.servlet.DispatcherType;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

/**
 * The edges of every request (ADR 0047): the limit of a request's head, checked before anything
 * else, and Tomcat's own error report replaced by answers in Forløp's shape.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RequestHeadSettings.class)
class EdgeConfiguration {

  @Bean
  FilterRegistrationBean<RequestHeadLimit> requestHeadLimit(
      RequestHeadSettings settings, EdgeAnswers answers) {
    var registration =
        new FilterRegistrationBean<>(
            new RequestHeadLimit(settings.maxRequestHeadSize().toBytes(), answers));
    registration.setName("requestHeadLimit");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    registration.setDispatcherTypes(DispatcherType.REQUEST);
    return registration;
  }

  /**
   * Puts {@link ContainerErrorReport} in the place of Tomcat's error report valve (and of the one
   * Spring Boot adds), after Spring Boot's customizers.
   */
  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> containerErrorReport(
      EdgeAnswers answers,
      @Value("${server.max-http-request-header-size:8KB}") DataSize containerLimit) {
    return new Customizer(answers, containerLimit.toBytes());
  }

  private record Customizer(EdgeAnswers answers, long containerLimit)
      implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
      factory.addContextCustomizers(
          context -> {
            if (context.getParent() instanceof StandardHost host) {
              var pipeline = host.getPipeline();
              for (var valve : pipeline.getValves()) {
                if (valve instanceof ErrorReportValve) {
                  pipeline.removeValve(valve);
                }
              }
              pipeline.addValve(new ContainerErrorReport(answers, containerLimit));
              host.setErrorReportValveClass(ContainerErrorReport.class.getName());
            }
          });
    }

    @Override
    public int getOrder() {
      return Ordered.LOWEST_PRECEDENCE;
    }
  }
}
