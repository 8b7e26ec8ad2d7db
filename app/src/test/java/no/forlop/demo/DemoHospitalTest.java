package no.forlop.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;
import no.forlop.demo.DemoHospital.PatientHistory;
import no.forlop.demo.DemoHospital.Story;
import no.forlop.patient.PatientIdentifier;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The invented hospital: stable, plausible, and about nobody. */
class DemoHospitalTest {

  static final LocalDate TODAY = LocalDate.parse("2024-12-31");
  static final JsonMapper JSON = JsonMapper.builder().build();

  static List<JsonNode> resources(List<PatientHistory> hospital) {
    var all = new ArrayList<JsonNode>();
    for (var patient : hospital) {
      for (var line : patient.resources()) {
        all.add(JSON.readTree(line));
      }
      for (var line : patient.later()) {
        all.add(JSON.readTree(line));
      }
    }
    return all;
  }

  @Test
  void the_same_day_and_size_give_the_same_hospital() {
    var first = new DemoHospital(TODAY, 120).generate();
    var second = new DemoHospital(TODAY, 120).generate();
    assertThat(second).isEqualTo(first);
  }

  @Test
  void every_story_is_told_even_in_a_small_hospital() {
    var stories = EnumSet.noneOf(Story.class);
    new DemoHospital(TODAY, 60).generate().forEach(p -> stories.add(p.story()));
    assertThat(stories).containsAll(EnumSet.allOf(Story.class));
  }

  @Test
  void identity_numbers_are_synthetic_valid_and_unique_except_the_one_typing_error() {
    var hospital = new DemoHospital(TODAY, 300).generate();
    var numbers = new HashSet<String>();
    for (var resource : resources(hospital)) {
      if (!resource.get("resourceType").asString().equals("Patient")) {
        continue;
      }
      var number = resource.get("identifier").get(0).get("value").asString();
      var month = Integer.parseInt(number.substring(2, 4));
      assertThat(month).as("synthetic: month + 80").isBetween(81, 92);
      var version = resource.get("meta").get("versionId").asString();
      if (version.equals("1")) {
        assertThat(numbers.add(number)).as("unique").isTrue();
      }
      if (!PatientIdentifier.isValid(number)) {
        assertThat(hospital.stream().filter(p -> p.story() == Story.WRONG_CHECK_DIGIT)).hasSize(1);
      }
    }
    assertThat(numbers).hasSizeGreaterThanOrEqualTo(299);
  }

  @Test
  void names_come_from_the_lists_of_common_names() {
    for (var resource : resources(new DemoHospital(TODAY, 300).generate())) {
      if (resource.get("resourceType").asString().equals("Patient")) {
        var name = resource.get("name").get(0);
        assertThat(InventedPeople.SURNAMES).contains(name.get("family").asString());
        var given = name.get("given").get(0).asString();
        assertThat(InventedPeople.WOMEN.contains(given) || InventedPeople.MEN.contains(given))
            .isTrue();
      }
    }
  }

  @Test
  void nothing_happens_after_today_except_the_attendance_sent_in_advance() {
    var hospital = new DemoHospital(TODAY, 300).generate();
    var date = Pattern.compile("\"(\\d{4}-\\d{2}-\\d{2})T");
    for (var patient : hospital) {
      for (var line : patient.resources()) {
        var matcher = date.matcher(line);
        while (matcher.find()) {
          var day = LocalDate.parse(matcher.group(1));
          if (day.isAfter(TODAY)) {
            assertThat(patient.story()).isEqualTo(Story.ATTENDANCE_IN_THE_FUTURE);
          }
          assertThat(day).isAfter(TODAY.minusDays(DemoHospital.HISTORY_DAYS + 30));
        }
      }
    }
  }

  @Test
  void both_health_trusts_have_patients_most_at_fjordby() {
    var hospital = new DemoHospital(TODAY, 300).generate();
    var fjordby = hospital.stream().filter(p -> p.unit().equals(DemoHospital.FJORDBY)).count();
    assertThat(fjordby).isBetween(180L, 260L);
  }
}
