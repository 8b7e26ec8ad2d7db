package no.forlop.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The configuration reference in docs/operations.md cannot drift from the code: every {@code
 * forlop.*} key the application reads (bound by a {@code @ConfigurationProperties} record, set in
 * application.yml, or read as a {@code ${forlop.…}} placeholder) has a row in its table, and every
 * row names a key the application reads. A list of settings is written {@code name[].field} (e.g.
 * {@code forlop.access.users[].username}).
 */
class ConfigurationReferenceTest {

  private static final Pattern ROW = Pattern.compile("^\\| `(forlop\\.[a-z0-9.\\[\\]-]+)` \\|");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(forlop\\.[a-z0-9.-]+)");

  @Test
  void every_key_the_application_reads_is_in_the_reference_and_every_row_is_such_a_key()
      throws IOException {
    var read = new TreeSet<String>();
    read.addAll(boundKeys());
    read.addAll(applicationYmlKeys());
    read.addAll(placeholderKeys());
    // the test finds what it must find: a key of each kind
    assertThat(read)
        .contains(
            "forlop.access.users[].username",
            "forlop.oidc.claims.hpr-number",
            "forlop.oidc.systems.clients[].client-id",
            "forlop.retention.raw-deliveries",
            "forlop.access.plain-passwords-allowed",
            "forlop.clock.fixed");

    var documented = documentedKeys();
    assertThat(read)
        .as("forlop.* keys missing from the table in docs/operations.md, 'Configuration reference'")
        .isSubsetOf(documented);
    assertThat(documented)
        .as("keys in docs/operations.md that the application does not read")
        .isSubsetOf(read);
  }

  @Test
  void every_row_of_the_reference_has_a_default_a_meaning_and_an_example() throws IOException {
    for (var line : Files.readAllLines(Dockerfile.repository().resolve("docs/operations.md"))) {
      if (ROW.matcher(line).find()) {
        var cells = line.substring(1, line.length() - 1).split("(?<!\\\\)\\|", -1);
        assertThat(cells).as(line).hasSize(4);
        for (var cell : cells) {
          assertThat(cell).as(line).isNotBlank();
        }
      }
    }
  }

  @Test
  void keys_are_derived_from_records_their_nested_records_and_lists_of_records() {
    var keys = new TreeSet<String>();
    collect("x", Outer.class, keys);
    assertThat(keys)
        .containsExactly(
            "x.amber-days",
            "x.inner.max-body-size",
            "x.items[].client-id",
            "x.names",
            "x.roles-by-unit");
  }

  @Test
  void the_yaml_is_flattened_with_lists_of_settings_as_name_brackets_field() throws IOException {
    var yaml =
        YAMLMapper.builder()
            .build()
            .readTree(
                """
                forlop:
                  a:
                    b-c: 1
                    list: [x, y]
                    users:
                      - name: kari
                        roles: [COORDINATOR]
                other:
                  d: 2
                """);
    var keys = new TreeSet<String>();
    flatten("forlop", yaml.path("forlop"), keys);
    assertThat(keys)
        .containsExactly(
            "forlop.a.b-c", "forlop.a.list", "forlop.a.users[].name", "forlop.a.users[].roles");
  }

  /** The keys of every {@code @ConfigurationProperties} class under {@code no.forlop}. */
  private static SortedSet<String> boundKeys() {
    var scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
    var keys = new TreeSet<String>();
    var classes = 0;
    for (var candidate : scanner.findCandidateComponents("no.forlop")) {
      Class<?> type;
      try {
        type = Class.forName(candidate.getBeanClassName());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
      var annotation = type.getAnnotation(ConfigurationProperties.class);
      var prefix = annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix();
      if (prefix.startsWith("forlop.")) {
        collect(prefix, type, keys);
        classes++;
      }
    }
    assertThat(classes).as("@ConfigurationProperties classes found").isGreaterThan(10);
    return keys;
  }

  /**
   * Adds the keys of a settings record: a component that is itself a record of Forløp's is a group
   * of keys; a list of such records is written {@code name[].field}.
   */
  static void collect(String prefix, Class<?> type, Collection<String> keys) {
    assertThat(type.isRecord())
        .as(type + ": settings are records here; teach this test other classes")
        .isTrue();
    for (var component : type.getRecordComponents()) {
      var key = prefix + "." + kebab(component.getName());
      var nested = settingsRecord(component.getType());
      var element = elementOf(component.getGenericType());
      if (nested != null) {
        collect(key, nested, keys);
      } else if (Collection.class.isAssignableFrom(component.getType()) && element != null) {
        collect(key + "[]", element, keys);
      } else {
        keys.add(key);
      }
    }
  }

  private static @Nullable Class<?> elementOf(Type type) {
    if (type instanceof ParameterizedType parameterized
        && parameterized.getActualTypeArguments().length == 1
        && parameterized.getActualTypeArguments()[0] instanceof Class<?> element) {
      return settingsRecord(element);
    }
    return null;
  }

  private static @Nullable Class<?> settingsRecord(Class<?> type) {
    return type.isRecord() && type.getName().startsWith("no.forlop.") ? type : null;
  }

  private static String kebab(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
  }

  /** The forlop.* keys set in application.yml. */
  private static SortedSet<String> applicationYmlKeys() throws IOException {
    var yaml =
        YAMLMapper.builder()
            .build()
            .readTree(
                Dockerfile.repository().resolve("app/src/main/resources/application.yml").toFile());
    var keys = new TreeSet<String>();
    flatten("forlop", yaml.path("forlop"), keys);
    assertThat(keys).isNotEmpty();
    return keys;
  }

  static void flatten(String key, JsonNode node, Collection<String> keys) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        flatten(key + "." + field.getKey(), field.getValue(), keys);
      }
    } else if (node.isArray() && !node.isEmpty() && node.get(0).isObject()) {
      for (var element : node) {
        flatten(key + "[]", element, keys);
      }
    } else {
      keys.add(key);
    }
  }

  /** The forlop.* keys read as placeholders ({@code ${forlop.…}}) in the main sources. */
  private static SortedSet<String> placeholderKeys() throws IOException {
    var keys = new TreeSet<String>();
    var main = Dockerfile.repository().resolve("app/src/main");
    List<Path> files;
    try (Stream<Path> walk = Files.walk(main)) {
      files =
          walk.filter(Files::isRegularFile)
              .filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".yml"))
              .toList();
    }
    for (var file : files) {
      try {
        var matcher = PLACEHOLDER.matcher(Files.readString(file));
        while (matcher.find()) {
          keys.add(matcher.group(1));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(file.toString(), e);
      }
    }
    return keys;
  }

  /** The keys in the first column of the reference's rows. */
  private static SortedSet<String> documentedKeys() throws IOException {
    var keys = new TreeSet<String>();
    var rows = new ArrayList<String>();
    for (var line : Files.readAllLines(Dockerfile.repository().resolve("docs/operations.md"))) {
      var row = ROW.matcher(line);
      if (row.find()) {
        rows.add(line);
        assertThat(keys.add(row.group(1))).as("documented once: " + row.group(1)).isTrue();
      }
    }
    assertThat(rows).isNotEmpty();
    return keys;
  }

  // a settings record's shapes, for the key derivation's own test (not a bound class)
  record Outer(
      Integer amberDays,
      Inner inner,
      List<Item> items,
      List<String> names,
      Map<String, String> rolesByUnit) {}

  record Inner(String maxBodySize) {}

  record Item(String clientId) {}
}
