package no.forlop.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Grafana dashboard in deploy/grafana/forlop-dashboard.json, as the tests read it: its panels
 * and the Forløp metrics their queries name. MetricsIT (and PullConnectorIT, for the pull
 * connector's) check that the application's {@code /actuator/prometheus} has every one of them.
 */
public final class GrafanaDashboard {

  public static final String FILE = "deploy/grafana/forlop-dashboard.json";
  private static final Pattern METRIC = Pattern.compile("forlop_[a-z_]+");

  private GrafanaDashboard() {}

  public static JsonNode read() {
    return JsonMapper.builder().build().readTree(KubernetesManifests.path(FILE).toFile());
  }

  /** The panels that show data (not the rows). */
  public static List<JsonNode> panels() {
    var panels = new ArrayList<JsonNode>();
    for (var panel : read().path("panels")) {
      if (!panel.path("type").asString().equals("row")) {
        panels.add(panel);
      }
    }
    return panels;
  }

  /** Every {@code forlop_} series name a panel's query names. */
  public static Set<String> metricNames() {
    var names = new TreeSet<String>();
    for (var panel : panels()) {
      for (var target : panel.path("targets")) {
        var matcher = METRIC.matcher(target.path("expr").asString());
        while (matcher.find()) {
          names.add(matcher.group());
        }
      }
    }
    return names;
  }

  /** The names of the pull connector's metrics (only where a pull source is configured). */
  public static boolean ofPullConnector(String name) {
    return name.startsWith("forlop_pull_");
  }
}
