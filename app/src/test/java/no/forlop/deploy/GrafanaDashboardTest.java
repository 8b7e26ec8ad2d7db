package no.forlop.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.HashSet;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboard (deploy/grafana) is importable as it is and cannot drift from the code:
 * every panel queries Forløp's metrics through the Prometheus data source chosen at import, and
 * every metric it names is documented in docs/operations.md. That the application serves each one
 * is MetricsIT's (and PullConnectorIT's) check.
 */
class GrafanaDashboardTest {

  @Test
  void every_panel_queries_forlop_metrics_through_the_chosen_prometheus_data_source() {
    var dashboard = GrafanaDashboard.read();
    var variable = dashboard.path("templating").path("list").get(0);
    assertThat(variable.path("type").asString()).isEqualTo("datasource");
    assertThat(variable.path("query").asString()).isEqualTo("prometheus");
    var source = "${" + variable.path("name").asString() + "}";

    var ids = new HashSet<Integer>();
    for (var panel : dashboard.path("panels")) {
      assertThat(ids.add(panel.path("id").asInt())).as("panel ids are unique").isTrue();
    }
    assertThat(GrafanaDashboard.panels()).hasSizeGreaterThanOrEqualTo(10);
    for (var panel : GrafanaDashboard.panels()) {
      var title = panel.path("title").asString();
      assertThat(panel.path("datasource").path("uid").asString()).as(title).isEqualTo(source);
      assertThat(panel.path("targets")).as(title).isNotEmpty();
      for (var target : panel.path("targets")) {
        assertThat(target.path("datasource").path("uid").asString()).as(title).isEqualTo(source);
        assertThat(target.path("expr").asString()).as(title).contains("forlop_");
      }
    }
  }

  @Test
  void every_metric_the_dashboard_shows_is_documented_for_operators() throws IOException {
    var operations = Files.readString(KubernetesManifests.path("docs/operations.md"));
    assertThat(GrafanaDashboard.metricNames()).isNotEmpty();
    for (var name : GrafanaDashboard.metricNames()) {
      // a histogram's series are documented under the histogram's name
      var documented = name.replaceAll("_(bucket|count|sum)$", "");
      assertThat(operations).as(name).contains("`" + documented + "`");
    }
  }
}
