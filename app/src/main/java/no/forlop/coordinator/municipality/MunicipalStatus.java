package no.forlop.coordinator.municipality;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import no.forlop.access.Actor;
import no.forlop.access.Unit;
import no.forlop.access.Users;
import no.forlop.audit.AuditAction;
import no.forlop.audit.AuditLog;
import no.forlop.catalog.CatalogueService;
import no.forlop.catalog.Milestone;
import no.forlop.coordinator.web.Texts;
import no.forlop.pathway.CodeState;
import no.forlop.pathway.PathwayId;
import no.forlop.pathway.PathwayService;
import no.forlop.pathway.PathwayView;
import no.forlop.patient.PatientDirectory;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The short status messages to the municipality's coordinating unit (koordinerende enhet) at a
 * pathway's start, each clinical decision and its closure (or transfer), in plain words from the
 * registered codes (proposals wait until confirmed). Printable and downloadable as text; an
 * electronic message format may follow. Reading them is audited.
 */
@Component
class MunicipalStatus {

  /** What a status message is about. */
  enum Event {
    START,
    DECISION,
    CLOSURE
  }

  /** One message: its event, and its lines in order (heading first). */
  record Message(Event event, int number, String heading, List<String> lines) {

    /** The message as plain text, one line each, for download. */
    String text() {
      return heading + "\r\n\r\n" + String.join("\r\n", lines) + "\r\n";
    }
  }

  /** Everything the municipality page shows. */
  record Page(
      UUID id,
      String patient,
      String pathwayName,
      String unitName,
      MunicipalContacts.@Nullable Contact contact,
      List<Message> messages,
      boolean mayChange) {}

  private final PathwayService pathways;
  private final CatalogueService catalogues;
  private final PatientDirectory directory;
  private final MunicipalContacts contacts;
  private final Users users;
  private final AuditLog audit;
  private final Texts texts;

  MunicipalStatus(
      PathwayService pathways,
      CatalogueService catalogues,
      PatientDirectory directory,
      MunicipalContacts contacts,
      Users users,
      AuditLog audit,
      Texts texts) {
    this.pathways = pathways;
    this.catalogues = catalogues;
    this.directory = directory;
    this.contacts = contacts;
    this.users = users;
    this.audit = audit;
    this.texts = texts;
  }

  /**
   * The pathway's patient (for recording the contact), checked against the actor's units: an
   * emergency access reads, it does not change.
   */
  String patientOf(UUID id, Actor actor) {
    return pathways.get(new PathwayId(id), null, actor.withoutEmergencyAccess()).patient().value();
  }

  Page page(UUID id, Actor actor, boolean mayChange) {
    var view = pathways.get(new PathwayId(id), null, actor);
    audit.record(
        actor, AuditAction.READ, view.patient().value(), "pathway/" + id + "/municipality", null);
    var contact = contacts.of(view.patient().value()).orElse(null);
    var unitName =
        users.unit(view.organisation().value()).map(Unit::name).orElse(view.organisation().value());
    return new Page(
        id,
        patientLabel(view),
        pathwayName(view),
        unitName,
        contact,
        messages(view, contact, unitName),
        // an emergency access (nødtilgang) only reads: no contact form (as on the pathway page)
        mayChange && actor.mayAccess(view.organisation().value()));
  }

  Optional<Message> message(UUID id, Event event, int number, Actor actor) {
    var page = page(id, actor, false);
    return page.messages().stream()
        .filter(m -> m.event() == event && m.number() == number)
        .findFirst();
  }

  private List<Message> messages(
      PathwayView view, MunicipalContacts.@Nullable Contact contact, String unitName) {
    var registered =
        view.codes().stream()
            .filter(c -> c.state() == CodeState.REGISTERED)
            .sorted(Comparator.comparing(PathwayView.Code::date))
            .toList();
    var result = new ArrayList<Message>();
    var patient = patientLabel(view);
    var pathway = pathwayName(view);
    registered.stream()
        .filter(c -> c.milestone() == Milestone.PATHWAY_START)
        .findFirst()
        .ifPresent(
            start ->
                result.add(
                    message(
                        view,
                        contact,
                        unitName,
                        Event.START,
                        1,
                        texts.message(
                            "municipality.body.START",
                            patient,
                            texts.dateInWords(start.date()),
                            pathway,
                            unitName))));
    int decisions = 0;
    for (var decision :
        registered.stream().filter(c -> c.milestone() == Milestone.CLINICAL_DECISION).toList()) {
      decisions++;
      result.add(
          message(
              view,
              contact,
              unitName,
              Event.DECISION,
              decisions,
              texts.message(
                  "municipality.body.DECISION",
                  texts.dateInWords(decision.date()),
                  codeName(view, decision))));
    }
    registered.stream()
        .filter(
            c -> c.milestone() == Milestone.PATHWAY_END || c.milestone() == Milestone.TRANSFERRED)
        .findFirst()
        .ifPresent(
            end -> result.add(message(view, contact, unitName, Event.CLOSURE, 1, closure(end))));
    return result;
  }

  /** The closure, by its reason where the code has one (other reasons, type changed …). */
  private String closure(PathwayView.Code end) {
    var on = texts.dateInWords(end.date());
    var byReason = texts.messageOrNull("municipality.body.CLOSURE." + end.key(), on);
    return byReason != null
        ? byReason
        : texts.message("municipality.body.CLOSURE." + end.milestone(), on);
  }

  private Message message(
      PathwayView view,
      MunicipalContacts.@Nullable Contact contact,
      String unitName,
      Event event,
      int number,
      String body) {
    var lines = new ArrayList<String>();
    if (contact != null) {
      lines.add(
          contact.contactName() == null
              ? texts.message(
                  "municipality.to", contact.unitName(), municipalityName(contact.municipality()))
              : texts.message(
                  "municipality.toPerson",
                  contact.unitName(),
                  municipalityName(contact.municipality()),
                  contact.contactName()));
    } else {
      lines.add(texts.message("municipality.toUnknown"));
    }
    lines.add(texts.message("municipality.from", unitName));
    lines.add(texts.message("municipality.about", patientLabel(view), view.patient().value()));
    lines.add("");
    lines.add(body);
    lines.add("");
    var coordinator =
        view.coordinator() == null ? null : users.find(view.coordinator()).orElse(null);
    var phone =
        coordinator != null && coordinator.phone() != null
            ? coordinator.phone()
            : users.unit(view.organisation().value()).map(Unit::phone).orElse(null);
    if (coordinator != null) {
      lines.add(
          phone == null
              ? texts.message("municipality.contactAt", coordinator.name())
              : texts.message("municipality.contactAtPhone", coordinator.name(), phone));
    } else if (phone != null) {
      lines.add(texts.message("municipality.unitPhone", unitName, phone));
    }
    lines.add(texts.message("municipality.consent"));
    return new Message(event, number, texts.message("municipality.heading." + event), lines);
  }

  private String patientLabel(PathwayView view) {
    return directory
        .nameOf(view.patient().value())
        .orElse(texts.message("municipality.thePatient"));
  }

  private String pathwayName(PathwayView view) {
    return catalogues
        .current()
        .pathway(view.pathway().value())
        .map(p -> texts.inSentence(texts.in(p.names())))
        .orElse(view.name());
  }

  private String codeName(PathwayView view, PathwayView.Code code) {
    var catalogue = catalogues.current();
    return catalogue
        .pathway(view.pathway().value())
        .flatMap(p -> catalogue.code(p, code.key()))
        .map(d -> texts.in(d.names()))
        .orElse(code.code() != null ? code.code() : code.key());
  }

  /**
   * The municipality as a letter names it: "Fjordby kommune" for "Fjordby", but as typed when the
   * coordinator already wrote the word ("Fjordby kommune", "Karasjok kommune / Kárášjoga gielda",
   * "Fjordby municipality"), so it is never said twice.
   */
  String municipalityName(String municipality) {
    var lower = municipality.toLowerCase(java.util.Locale.ROOT);
    return lower.contains("kommune") || lower.contains("municipality") || lower.contains("gielda")
        ? municipality
        : texts.message("municipality.name", municipality);
  }
}
