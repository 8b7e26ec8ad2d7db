package no.forlop.mdt.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import no.forlop.access.Actor;
import no.forlop.access.Role;
import no.forlop.access.Unit;
import no.forlop.access.User;
import no.forlop.access.Users;
import no.forlop.catalog.CatalogueService;
import no.forlop.catalog.Localized;
import no.forlop.mdt.MdtException;
import no.forlop.mdt.MdtService;
import no.forlop.mdt.MdtService.CodeResult;
import no.forlop.mdt.MdtService.PlanMeeting;
import no.forlop.mdt.MeetingNotFoundException;
import no.forlop.mdt.MeetingOutsideUnitsException;
import no.forlop.mdt.domain.Decision;
import no.forlop.mdt.domain.MdtProblem;
import no.forlop.mdt.domain.TreatmentIntention;
import no.forlop.pathway.CodeState;
import no.forlop.pathway.OutsideUnitsException;
import no.forlop.pathway.Rejection;
import no.forlop.patient.InvalidPatientIdentifierException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The MDT pages: the meetings of the user's units with a form to plan one, and a meeting's agenda
 * with a decision form per patient. Coordinators plan meetings and edit agendas; clinicians and
 * coordinators record decisions; leaders (and everyone else who may sign in) read. A meeting of
 * another unit is a 403 page.
 */
@Controller
@RequestMapping("/mdt")
class MdtPageController {

  private final MdtService mdt;
  private final Users users;
  private final CatalogueService catalogues;
  private final MessageSource messages;

  MdtPageController(
      MdtService mdt, Users users, CatalogueService catalogues, MessageSource messages) {
    this.mdt = mdt;
    this.users = users;
    this.catalogues = catalogues;
    this.messages = messages;
  }

  /** The plan form as typed (strings, so that a bad value comes back to the user). */
  record PlanForm(
      @Nullable String date,
      @Nullable String team,
      @Nullable String unit,
      @Nullable List<String> pathways) {

    public boolean covers(String pathway) {
      return pathways != null && pathways.contains(pathway);
    }
  }

  /** The decision form of one patient. */
  record DecisionForm(
      @Nullable String outcome,
      @Nullable String intention,
      @Nullable String discussed,
      @Nullable String discussedOn) {}

  /** The user's role does not allow this. */
  static final class NotAllowedException extends RuntimeException {
    NotAllowedException() {
      super("Your role does not allow this.");
    }
  }

  @GetMapping
  String index(Model model, Actor actor) {
    var today = mdt.today();
    var mine = myUnits();
    var form =
        new PlanForm(
            today.toString(), "", mine.isEmpty() ? "" : mine.get(0).id(), List.<String>of());
    return index(model, actor, form);
  }

  private String index(Model model, Actor actor, PlanForm form) {
    var today = mdt.today();
    model.addAttribute("meetings", mdt.meetings(actor));
    model.addAttribute("form", form);
    model.addAttribute("units", myUnits());
    model.addAttribute("unitNames", unitNames());
    model.addAttribute("pathwayNames", pathwayNames());
    model.addAttribute(
        "choosable",
        catalogues.current().pathways().stream().filter(p -> p.validOn(today)).toList());
    model.addAttribute("canPlan", has(Role.COORDINATOR));
    return "mdt/index";
  }

  @PostMapping
  String plan(
      PlanForm form,
      Model model,
      Actor actor,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    require(Role.COORDINATOR);
    try {
      var meeting =
          mdt.plan(
              new PlanMeeting(
                  date(form.date()),
                  form.team(),
                  form.unit(),
                  form.pathways() == null ? List.of() : form.pathways()),
              actor);
      redirect.addFlashAttribute("notice", text("mdt.planned", meeting.team()));
      return "redirect:/mdt/" + meeting.id();
    } catch (MdtException e) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("error", problem(e));
      return index(model, actor, form);
    }
  }

  @GetMapping("/{id}")
  String meeting(@PathVariable UUID id, Model model, Actor actor) {
    var agenda = mdt.agenda(id, actor);
    var meeting = agenda.meeting();
    var refusals = new LinkedHashMap<UUID, String>();
    var people = new LinkedHashMap<String, String>();
    people.put(meeting.plannedBy(), person(meeting.plannedBy()));
    var all = new ArrayList<>(agenda.items());
    all.addAll(agenda.removed());
    for (var item : all) {
      people.put(item.addedBy(), person(item.addedBy()));
      if (item.removedBy() != null) {
        people.put(item.removedBy(), person(item.removedBy()));
      }
      var decision = item.decision();
      if (decision != null) {
        people.put(decision.recordedBy(), person(decision.recordedBy()));
        if (decision.conversationRecordedBy() != null) {
          people.put(decision.conversationRecordedBy(), person(decision.conversationRecordedBy()));
        }
        if (decision.refusal() != null) {
          refusals.put(item.id(), rejection(decision.refusal()));
        }
      }
    }
    model.addAttribute("agenda", agenda);
    model.addAttribute("meeting", meeting);
    model.addAttribute("unitNames", unitNames());
    model.addAttribute("pathwayNames", pathwayNames());
    model.addAttribute("people", people);
    model.addAttribute("refusals", refusals);
    model.addAttribute("intentions", TreatmentIntention.values());
    model.addAttribute("today", agenda.asOf());
    model.addAttribute("held", !meeting.date().isAfter(agenda.asOf()));
    model.addAttribute("canEdit", has(Role.COORDINATOR));
    model.addAttribute("canDecide", has(Role.COORDINATOR) || has(Role.CLINICIAN));
    return "mdt/meeting";
  }

  @PostMapping("/{id}/proposals")
  String propose(@PathVariable UUID id, Actor actor, RedirectAttributes redirect) {
    require(Role.COORDINATOR);
    var added = mdt.propose(id, actor);
    redirect.addFlashAttribute("notice", text("mdt.proposed", added));
    return "redirect:/mdt/" + id;
  }

  @PostMapping("/{id}/agenda")
  String add(
      @PathVariable UUID id,
      @RequestParam(defaultValue = "") String patient,
      Actor actor,
      RedirectAttributes redirect) {
    require(Role.COORDINATOR);
    try {
      var added = mdt.add(id, patient, actor);
      redirect.addFlashAttribute("notice", text("mdt.added", added));
    } catch (InvalidPatientIdentifierException e) {
      redirect.addFlashAttribute("error", text("error.patient-identifier." + e.problem().name()));
    } catch (MdtException e) {
      redirect.addFlashAttribute("error", problem(e));
    }
    return "redirect:/mdt/" + id + "#add";
  }

  @PostMapping("/{id}/agenda/{pathway}/removal")
  String remove(
      @PathVariable UUID id, @PathVariable UUID pathway, Actor actor, RedirectAttributes redirect) {
    require(Role.COORDINATOR);
    try {
      mdt.remove(id, pathway, actor);
      redirect.addFlashAttribute("notice", text("mdt.removed"));
    } catch (MdtException e) {
      itemError(redirect, pathway, problem(e));
    }
    return "redirect:/mdt/" + id;
  }

  @PostMapping("/{id}/agenda/{pathway}/restoration")
  String restore(
      @PathVariable UUID id, @PathVariable UUID pathway, Actor actor, RedirectAttributes redirect) {
    require(Role.COORDINATOR);
    try {
      mdt.restore(id, pathway, actor);
      redirect.addFlashAttribute("notice", text("mdt.restored"));
    } catch (MdtException e) {
      redirect.addFlashAttribute("error", problem(e));
    }
    return "redirect:/mdt/" + id + "#item-" + pathway;
  }

  @PostMapping("/{id}/agenda/{pathway}/decision")
  String decide(
      @PathVariable UUID id,
      @PathVariable UUID pathway,
      DecisionForm form,
      Actor actor,
      RedirectAttributes redirect) {
    require(Role.COORDINATOR, Role.CLINICIAN);
    try {
      var decision = decision(form);
      var result = mdt.decide(id, pathway, decision, actor);
      report(redirect, pathway, result, "mdt.decided");
    } catch (MdtException e) {
      itemError(redirect, pathway, problem(e));
    } catch (DuplicateKeyException e) {
      itemError(redirect, pathway, text("mdt.problem." + MdtProblem.ALREADY_DECIDED.name()));
    }
    return "redirect:/mdt/" + id + "#item-" + pathway;
  }

  @PostMapping("/{id}/agenda/{pathway}/conversation")
  String discussed(
      @PathVariable UUID id,
      @PathVariable UUID pathway,
      @RequestParam(required = false) @Nullable String discussedOn,
      Actor actor,
      RedirectAttributes redirect) {
    require(Role.COORDINATOR, Role.CLINICIAN);
    try {
      var on = date(discussedOn);
      if (on == null) {
        throw problemOf(MdtProblem.CONVERSATION_DATE_MISSING);
      }
      var result = mdt.discussed(id, pathway, on, actor);
      report(redirect, pathway, result, "mdt.conversationRecorded");
    } catch (MdtException e) {
      itemError(redirect, pathway, problem(e));
    } catch (DuplicateKeyException e) {
      itemError(redirect, pathway, text("mdt.problem." + MdtProblem.ALREADY_DISCUSSED.name()));
    }
    return "redirect:/mdt/" + id + "#item-" + pathway;
  }

  @ExceptionHandler({
    MeetingOutsideUnitsException.class,
    OutsideUnitsException.class,
    NotAllowedException.class
  })
  @ResponseStatus(HttpStatus.FORBIDDEN)
  String forbidden(RuntimeException e, Model model) {
    users.current().ifPresent(u -> model.addAttribute("currentUser", u));
    model.addAttribute(
        "problem", e instanceof NotAllowedException ? "mdt.forbidden.role" : "mdt.forbidden.unit");
    model.addAttribute("status", HttpStatus.FORBIDDEN.value());
    return "mdt/problem";
  }

  @ExceptionHandler(MeetingNotFoundException.class)
  @ResponseStatus(HttpStatus.NOT_FOUND)
  String notFound(Model model) {
    users.current().ifPresent(u -> model.addAttribute("currentUser", u));
    model.addAttribute("problem", "mdt.notFound");
    model.addAttribute("status", HttpStatus.NOT_FOUND.value());
    return "mdt/problem";
  }

  private Decision decision(DecisionForm form) {
    var outcome = form.outcome() == null ? "" : form.outcome().strip();
    if (outcome.isEmpty()) {
      throw problemOf(MdtProblem.UNKNOWN_OUTCOME, "–");
    }
    TreatmentIntention intention;
    try {
      intention = TreatmentIntention.valueOf(form.intention() == null ? "" : form.intention());
    } catch (IllegalArgumentException e) {
      throw problemOf(MdtProblem.INTENTION_MISSING);
    }
    LocalDate discussedOn = null;
    if ("yes".equals(form.discussed())) {
      discussedOn = date(form.discussedOn());
      if (discussedOn == null) {
        throw problemOf(MdtProblem.CONVERSATION_DATE_MISSING);
      }
    }
    return new Decision(outcome, intention, discussedOn);
  }

  private void report(
      RedirectAttributes redirect, UUID pathway, CodeResult result, String recorded) {
    var code = result.code();
    var refusal = result.refusal();
    if (refusal != null) {
      itemError(redirect, pathway, text(recorded + ".refused", rejection(refusal)));
    } else if (code != null) {
      var key = recorded + (code.state() == CodeState.REGISTERED ? ".registered" : ".proposed");
      redirect.addFlashAttribute(
          "notice",
          text(key, code.code() == null ? code.key() : code.code(), display(code.date())));
      redirect.addFlashAttribute("noticeFor", pathway.toString());
    } else {
      redirect.addFlashAttribute("notice", text(recorded));
    }
  }

  private static void itemError(RedirectAttributes redirect, UUID pathway, String text) {
    redirect.addFlashAttribute("error", text);
    redirect.addFlashAttribute("errorFor", pathway.toString());
  }

  private static MdtException problemOf(MdtProblem problem, Object... args) {
    return new MdtException(problem, args);
  }

  private @Nullable LocalDate date(@Nullable String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw problemOf(MdtProblem.INVALID_DATE, text.strip());
    }
  }

  private String problem(MdtException e) {
    return text("mdt.problem." + e.problem().name(), e.args().toArray());
  }

  private String rejection(Rejection rejection) {
    return messages.getMessage(
        "rejection." + rejection.reason().name(),
        rejection.args().stream().map(this::displayArgument).toArray(),
        rejection.englishText(),
        LocaleContextHolder.getLocale());
  }

  private String text(String key, Object... args) {
    return messages.getMessage(
        key,
        java.util.Arrays.stream(args)
            .map(a -> a instanceof String text ? displayArgument(text) : a)
            .toArray(),
        LocaleContextHolder.getLocale());
  }

  /** Dates in a message as the pages show them; other arguments as they are. */
  private String displayArgument(String argument) {
    try {
      return display(LocalDate.parse(argument));
    } catch (DateTimeParseException e) {
      return argument;
    }
  }

  private String display(LocalDate date) {
    var pattern =
        messages.getMessage(
            "mdt.date.pattern", null, "yyyy-MM-dd", LocaleContextHolder.getLocale());
    return date.format(DateTimeFormatter.ofPattern(pattern, locale()));
  }

  private static Locale locale() {
    return LocaleContextHolder.getLocale();
  }

  private List<Unit> myUnits() {
    return users.current().map(User::units).orElse(List.of()).stream()
        .flatMap(id -> users.unit(id).stream())
        .toList();
  }

  private Map<String, String> unitNames() {
    var names = new LinkedHashMap<String, String>();
    users.units().forEach(u -> names.put(u.id(), u.name()));
    return names;
  }

  private Map<String, Localized> pathwayNames() {
    var names = new LinkedHashMap<String, Localized>();
    catalogues.current().pathways().forEach(p -> names.put(p.id(), p.names()));
    return names;
  }

  private String person(String username) {
    return users.find(username).map(User::name).orElse(username);
  }

  private boolean has(Role role) {
    return users.current().map(u -> u.has(role)).orElse(false);
  }

  private void require(Role... roles) {
    for (var role : roles) {
      if (has(role)) {
        return;
      }
    }
    throw new NotAllowedException();
  }
}
