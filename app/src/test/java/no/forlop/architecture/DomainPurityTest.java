package no.forlop.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The domain core is plain Java: no framework, persistence, FHIR or JSON library in it (module
 * metadata on package-info aside).
 */
@AnalyzeClasses(packages = "no.forlop", importOptions = ImportOption.DoNotIncludeTests.class)
class DomainPurityTest {

  private static final String[] FRAMEWORKS = {
    "org.springframework..",
    "jakarta..",
    "javax.sql..",
    "java.sql..",
    "ca.uhn..",
    "org.hl7..",
    "com.fasterxml.jackson..",
    "tools.jackson..",
    "org.slf4j..",
    "io.swagger.."
  };

  @ArchTest
  static final ArchRule domain_packages_are_plain_java =
      noClasses()
          .that()
          .resideInAPackage("..domain..")
          .and()
          .doNotHaveSimpleName("package-info")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(FRAMEWORKS);

  @ArchTest
  static final ArchRule the_calendar_is_plain_java_apart_from_its_clock_bean =
      noClasses()
          .that()
          .resideInAPackage("no.forlop.calendar")
          .and()
          .doNotHaveSimpleName("TimeConfiguration")
          .and()
          .doNotHaveSimpleName("package-info")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(FRAMEWORKS);

  @ArchTest
  static final ArchRule the_catalogue_model_does_not_know_spring =
      noClasses()
          .that()
          .resideInAPackage("no.forlop.catalog")
          .and()
          .doNotHaveSimpleName("CatalogueService")
          .and()
          .doNotHaveSimpleName("package-info")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.springframework..", "jakarta..", "java.sql..");

  @ArchTest
  static final ArchRule nothing_reads_the_system_clock_directly =
      noClasses()
          .that()
          .resideInAPackage("no.forlop..")
          .should()
          .callMethod(java.time.LocalDate.class, "now")
          .orShould()
          .callMethod(java.time.Instant.class, "now")
          .orShould()
          .callMethod(java.time.LocalDateTime.class, "now")
          .orShould()
          .callMethod(java.time.ZonedDateTime.class, "now")
          .orShould()
          .callMethod(java.time.OffsetDateTime.class, "now");
}
