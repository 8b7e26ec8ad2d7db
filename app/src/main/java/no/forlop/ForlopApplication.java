package no.forlop;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Starts Forløp: the pathway registry, its engines and its web interfaces. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ForlopApplication {

  public static void main(String[] args) {
    SpringApplication.run(ForlopApplication.class, args);
  }
}
