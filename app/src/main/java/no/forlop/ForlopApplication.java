package no.forlop;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.FilterType;

/**
 * Starts Forløp: the pathway registry, its engines and its web interfaces.
 *
 * <p>{@code @SpringBootApplication}'s scan, with one more exclusion: other application
 * configurations under {@code no.forlop} (the replay's lean context, ADR 0033) are not part of the
 * server; scanned, the replay's own component scan (without the test filters) would bring in every
 * test configuration on a test class path.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(
    excludeFilters = {
      @Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
      @Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class),
      @Filter(type = FilterType.ANNOTATION, classes = SpringBootConfiguration.class)
    })
@ConfigurationPropertiesScan
public class ForlopApplication {

  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("replay")) {
      System.exit(
          no.forlop.replay.Replay.run(
              java.util.Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
    }
    if (args.length > 0 && args[0].equals("import")) {
      System.exit(
          no.forlop.ingest.bulk.ImportCommand.run(
              java.util.Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
    }
    if (args.length > 0 && args[0].equals("report")) {
      System.exit(
          no.forlop.reporting.cli.ReportCommand.run(
              java.util.Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
    }
    if (args.length > 0 && args[0].equals("codelist")) {
      System.exit(
          no.forlop.catalog.cli.CodeListCommand.run(
              java.util.Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
    }
    SpringApplication.run(ForlopApplication.class, args);
  }
}
