package no.forlop.referral.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import no.forlop.calendar.OsloTime;
import no.forlop.catalog.CatalogueService;
import no.forlop.catalog.Milestone;
import no.forlop.catalog.PathwayDefinition;
import no.forlop.ingest.referral.GpReferral;
import no.forlop.ingest.referral.ReferralBundles;
import no.forlop.patient.PatientIdentifier;
import no.forlop.referral.Assessment;
import no.forlop.referral.EntryCriteria;
import no.forlop.referral.EntryCriteriaService;
import no.forlop.referral.FilterStep;
import no.forlop.referral.Item;
import no.forlop.referral.PathwayCriteria;
import no.forlop.referral.Performer;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Turns the GP's ticks and form into a complete referral: checks the form (a valid fødselsnummer, a
 * name, organisation numbers with their check digit, an ICD-10 code if one is given), judges the
 * ticks against the criteria and builds the FHIR Bundle. The referral's texts are bokmål (it goes
 * to a Norwegian hospital) whatever the page's language. A referral is written also when the
 * criteria are not met, and then says so: the criteria support the GP's judgement, never block it.
 */
@Component
class ReferralWriter {

  /** The referral is a Norwegian document: its texts are bokmål whatever the page's language. */
  static final Locale REFERRAL_LANGUAGE = Locale.forLanguageTag("nb");

  private static final Pattern ICD10 = Pattern.compile("[A-Z][0-9]{2}(\\.?[0-9A-Z]{1,2})?");
  private static final Pattern ORGANISATION_NUMBER = Pattern.compile("[0-9]{9}");

  /** An HPR number: digits, 4 to 9 of them, not starting with 0. */
  private static final Pattern HPR_NUMBER = Pattern.compile("[1-9][0-9]{3,8}");

  private static final int[] ORGANISATION_WEIGHTS = {3, 2, 7, 6, 5, 4, 3, 2};
  private static final int MAX_TEXT = 200;

  /** The form checked: the message keys of its problems, or the referral as a FHIR Bundle. */
  record Written(List<String> problems, @Nullable String bundle) {}

  private final EntryCriteriaService criteria;
  private final CatalogueService catalogues;
  private final MessageSource messages;
  private final Clock clock;

  ReferralWriter(
      EntryCriteriaService criteria,
      CatalogueService catalogues,
      MessageSource messages,
      Clock clock) {
    this.criteria = criteria;
    this.catalogues = catalogues;
    this.messages = messages;
    this.clock = clock;
  }

  /**
   * @param ticked the findings and filter steps the GP ticked
   * @param included the items of required content the GP confirms the referral includes
   */
  Written write(
      PathwayCriteria pathway, Set<String> ticked, Set<String> included, ReferralForm form) {
    var problems = new ArrayList<String>();
    var fnr = strip(form.fodselsnummer());
    if (fnr == null || !PatientIdentifier.isValid(fnr)) {
      problems.add("referral.form.problem.fodselsnummer");
    }
    var name = strip(form.navn());
    if (name == null || name.length() > MAX_TEXT || hasControlCharacter(name)) {
      problems.add("referral.form.problem.navn");
    }
    LocalDate born = null;
    var birthDate = strip(form.fodselsdato());
    if (birthDate != null) {
      try {
        born = LocalDate.parse(birthDate);
        if (born.isAfter(LocalDate.now(clock.withZone(OsloTime.ZONE)))) {
          problems.add("referral.form.problem.fodselsdato");
        }
      } catch (DateTimeParseException e) {
        problems.add("referral.form.problem.fodselsdato");
      }
    }
    var icd10 = strip(form.icd10());
    if (icd10 != null) {
      icd10 = icd10.toUpperCase(Locale.ROOT);
      if (!ICD10.matcher(icd10).matches()) {
        problems.add("referral.form.problem.icd10");
      }
    }
    if (tooLong(form.fraNavn())
        || tooLong(form.tilNavn())
        || hasControlCharacter(form.fraNavn())
        || hasControlCharacter(form.tilNavn())) {
      problems.add("referral.form.problem.organisationName");
    }
    var from = strip(form.fraOrgnr());
    if (!isOrganisationNumber(from)) {
      problems.add("referral.form.problem.fraOrgnr");
    }
    var to = strip(form.tilOrgnr());
    if (!isOrganisationNumber(to)) {
      problems.add("referral.form.problem.tilOrgnr");
    } else if (to.equals(from)) {
      problems.add("referral.form.problem.sameOrganisation");
    }
    var hpr = strip(form.hpr());
    if (hpr != null && !HPR_NUMBER.matcher(hpr).matches()) {
      problems.add("referral.form.problem.hpr");
    }
    if (!problems.isEmpty()) {
      return new Written(List.copyOf(problems), null);
    }
    var definition = catalogues.current().pathway(pathway.pathway()).orElseThrow();
    var assessment = EntryCriteria.assess(pathway, ticked);
    var referral =
        new GpReferral(
            UUID.randomUUID(),
            clock.instant(),
            new GpReferral.Person(fnr, name, born),
            new GpReferral.Organisation(from, strip(form.fraNavn())),
            new GpReferral.Organisation(to, strip(form.tilNavn())),
            pathway.pathway(),
            definition.names().nb(),
            startCode(definition),
            definition.kind().isCancer() ? "PK" : null,
            icd10,
            criteria.current().version(),
            assessmentText(assessment),
            answers(pathway, ticked, included),
            pathway.referralContent().stream().map(i -> i.text().nb()).toList(),
            hpr);
    return new Written(List.of(), ReferralBundles.transaction(referral));
  }

  /** The pathway's start code from kodeverk 8480 ({@code A12A}), where the catalogue knows it. */
  private @Nullable String startCode(PathwayDefinition pathway) {
    var catalogue = catalogues.current();
    var start =
        catalogue.codesOf(pathway).stream()
            .filter(c -> c.milestone() == Milestone.PATHWAY_START)
            .findFirst();
    if (start.isPresent()) {
      var code = catalogue.officialCode(pathway, start.get());
      if (code.isPresent()) {
        return code.get();
      }
    }
    // a pathway whose start event has no letter of its own (mental health): its type (D11 …)
    return pathway.kind().isCancer() ? null : pathway.prefix().orElse(null);
  }

  private String assessmentText(Assessment assessment) {
    var text = new StringBuilder(text("referral.result." + assessment.outcome()));
    if (!assessment.missingRequired().isEmpty()) {
      text.append(' ')
          .append(text("referral.missingRequired"))
          .append(": ")
          .append(String.join("; ", assessment.missingRequired().stream().map(this::nb).toList()))
          .append('.');
    }
    if (!assessment.missingFilterSteps().isEmpty()) {
      text.append(' ')
          .append(text("referral.missingFilter"))
          .append(": ")
          .append(
              String.join(
                  "; ", assessment.missingFilterSteps().stream().map(s -> s.text().nb()).toList()))
          .append('.');
    }
    if (assessment.outcome() != Assessment.Outcome.MET) {
      text.append(' ').append(text("referral.fhir.gpJudgement"));
    }
    return text.toString();
  }

  private static List<GpReferral.Answer> answers(
      PathwayCriteria pathway, Set<String> ticked, Set<String> included) {
    var answers = new ArrayList<GpReferral.Answer>();
    for (FilterStep step : pathway.filterSteps()) {
      if (step.doneBy() == Performer.GP) {
        answers.add(
            new GpReferral.Answer(
                step.id(), "filterSteps", step.text().nb(), ticked.contains(step.id())));
      }
    }
    for (var group : List.of(pathway.criteria().requires(), pathway.criteria().anyOf())) {
      for (Item item : group) {
        answers.add(
            new GpReferral.Answer(
                item.id(), "criteria", item.text().nb(), ticked.contains(item.id())));
      }
    }
    // every item of required content, confirmed or not: the hospital measures completeness by it
    for (Item item : pathway.referralContent()) {
      answers.add(
          new GpReferral.Answer(
              item.id(),
              ReferralBundles.REQUIRED_CONTENT,
              item.text().nb(),
              included.contains(item.id())));
    }
    return answers;
  }

  private String nb(Item item) {
    return item.text().nb();
  }

  private String text(String key) {
    return messages.getMessage(key, null, REFERRAL_LANGUAGE);
  }

  /**
   * A control character (a NUL, a tab, a line break) in a name: the hospital's {@code /fhir}
   * refuses it, so the referral would be written only to be refused there.
   */
  private static boolean hasControlCharacter(@Nullable String value) {
    return value != null && value.chars().anyMatch(Character::isISOControl);
  }

  private static boolean tooLong(@Nullable String value) {
    return value != null && value.strip().length() > MAX_TEXT;
  }

  private static @Nullable String strip(@Nullable String value) {
    if (value == null) {
      return null;
    }
    var stripped = value.strip();
    return stripped.isEmpty() ? null : stripped;
  }

  /** Nine digits whose last is the modulus-11 check digit of Enhetsregisteret. */
  static boolean isOrganisationNumber(@Nullable String number) {
    if (number == null || !ORGANISATION_NUMBER.matcher(number).matches()) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 8; i++) {
      sum += (number.charAt(i) - '0') * ORGANISATION_WEIGHTS[i];
    }
    int check = 11 - sum % 11;
    if (check == 11) {
      check = 0;
    }
    return check != 10 && check == number.charAt(8) - '0';
  }
}
