package no.forlop;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Starts Forløp: the pathway registry, its engines and its web interfaces. */
@SpringBootApplication
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
