package no.forlop.worklist.patient;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import no.forlop.access.Role;
import no.forlop.access.Users;
import no.forlop.audit.Actor;
import no.forlop.catalog.StartRule.StartBasis;
import no.forlop.pathway.ChangeResult;
import no.forlop.pathway.ChangeType;
import no.forlop.pathway.InvalidPathwayRequestException;
import no.forlop.pathway.PathwayService;
import no.forlop.pathway.RegisterCode;
import no.forlop.pathway.domain.CodeState;
import no.forlop.pathway.domain.Origin;
import no.forlop.worklist.EvaluationPlans;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A patient's pathway page and its actions: confirm or reject a proposal, correct or withdraw a
 * code (with a reason), register a code by hand, assign the responsible coordinator, add a note,
 * change the type of a mental-health pathway. Plain forms (post, redirect, get), so every action
 * works without script and with the keyboard; a change that the coding rules refuse shows the page
 * again with the reason in words next to the form (status 422). Leaders and analysts read only.
 */
@Controller
@RequestMapping("/pathways/{id}")
class PathwayPageController {

  /** A form that could not be carried out is shown again with this status. */
  static final int UNPROCESSABLE = 422;

  private final PathwayPages pages;
  private final PathwayService pathways;
  private final Users users;
  private final Texts texts;
  private final EvaluationPlans evaluations;

  PathwayPageController(
      PathwayPages pages,
      PathwayService pathways,
      Users users,
      Texts texts,
      EvaluationPlans evaluations) {
    this.evaluations = evaluations;
    this.pages = pages;
    this.pathways = pathways;
    this.users = users;
    this.texts = texts;
  }

  /** A form that could not be carried out: which one, why, and what the user had typed. */
  record Failure(
      String form, @Nullable UUID registration, String text, Map<String, String> values) {

    public boolean is(String form, @Nullable UUID registration) {
      return this.form.equals(form) && Objects.equals(this.registration, registration);
    }

    public String value(String name) {
      return values.getOrDefault(name, "");
    }
  }

  /** What every action needs to answer: the pathway, who acts, and where the answer goes. */
  private record Answer(
      UUID id,
      Actor actor,
      Model model,
      RedirectAttributes redirect,
      HttpServletResponse response) {}

  @GetMapping
  String page(@PathVariable UUID id, Actor actor, Model model) {
    model.addAttribute("page", pages.page(id, actor));
    return "pathway/page";
  }

  @PostMapping("/codes/{registration}/confirm")
  String confirm(
      @PathVariable UUID id,
      @PathVariable UUID registration,
      Actor actor,
      Model model,
      RedirectAttributes redirect,
      HttpServletResponse response) {
    var answer = new Answer(id, requireChange(actor), model, redirect, response);
    var result = pathways.confirm(id, registration, actor);
    return outcome(answer, result, "confirm", registration, Map.of(), "pathway.done.confirmed");
  }

  @PostMapping("/codes/{registration}/reject")
  String reject(
      @PathVariable UUID id,
      @PathVariable UUID registration,
      @RequestParam(defaultValue = "") String reason,
      Actor actor,
      Model model,
      RedirectAttributes redirect,
      HttpServletResponse response) {
    var answer = new Answer(id, requireChange(actor), model, redirect, response);
    var result = pathways.reject(id, registration, reason, actor);
    var values = Map.of("reason", reason);
    return outcome(answer, result, "reject", registration, values, "pathway.done.rejected");
  }

  @PostMapping("/codes/{registration}/correct")
  String correct(
      @PathVariable UUID id,
      @PathVariable UUID registration,
      @RequestParam(defaultValue = "") String code,
      @RequestParam(defaultValue = "") String date,
      @RequestParam(defaultValue = "") String reason,
      Actor actor,
      Model model,
      RedirectAttributes redirect,
      HttpServletResponse response) {
    var answer = new Answer(id, requireChange(actor), model, redirect, response);
    var values = values("code", code, "date", date, "reason", reason);
    LocalDate newDate;
    try {
      newDate = optionalDate(date);
    } catch (DateTimeParseException e) {
      return failed(answer, "correct", registration, "pathway.error.date", values);
    }
    var newCode = code.isBlank() ? null : code;
    var result = pathways.correct(id, registration, newCode, newDate, reason, actor);
    return outcome(answer, result, "correct", registration, values, "pathway.done.corrected");
  }

  @PostMapping("/codes/{registration}/withdraw")
  String withdraw(
      @PathVariable UUID id,
      @PathVariable UUID registration,
      @RequestParam(defaultValue = "") String reason,
      Actor actor,
      Model model,
      RedirectAttributes redirect,
      HttpServletResponse response) {
    var answer = new Answer(id, requireChange(actor), model, redirect, response);
    var result = pathways.withdraw(id, registration, reason, actor);
    var values = Map.of("reason", reason);
    return outcome(answer, result, "withdraw", registration, values, "pathway.done.withdrawn");
  }

  @PostMapping("/codes")
  String register(
      @PathVariable UUID id,
      @RequestParam(defaultValue = "") String code,
      @RequestParam(defaultValue = "") String date,
      @RequestParam(defaultValue = "") String startBasis,
      @RequestParam(defaultValue = "") String referralReceivedOn,
      @RequestParam(defaultValue = "") String referralAssessedOn,
      Actor actor,
      Model model,
      RedirectAttributes redirect,
      HttpServletResponse response) {
    var answer = new Answer(id, requireChange(actor), model, redirect, response);
    var values =
        values(
            "code", code,
            "date", date,
            "startBasis", startBasis,
            "referralReceivedOn", referralReceivedOn,
            "referralAssessedOn", referralAssessedOn);
    if (code.isBlank()) {
      return failed(answer, "register", null, "pathway.error.codeRequired", values);
    }
    LocalDate on;
    LocalDate received;
    LocalDate assessed;
    StartBasis basis;
    try {
      on = optionalDate(date);
      received = optionalDate(referralReceivedOn);
      assessed = optionalDate(referralAssessedOn);
      basis = startBasis.isBlank() ? null : StartBasis.valueOf(startBasis);
    } catch (DateTimeParseException | IllegalArgumentException e) {
      return failed(answer, "register", null, "pathway.error.date", values);
    }
    if (on == null) {
      return failed(answer, "register", null, "pathway.error.dateRequired", values);
    }
    var request =
        new RegisterCode(
            code, on, CodeState.REGISTERED, Origin.MANUAL, basis, received, assessed, null);
    var result = pathways.register(id, request, actor);
    return outcome(answer, result, "register", null, values, "pathway.done.registered");
  }

  @PostMapping("/coordinator")
  String assign(
      @PathVariable UUID id,
      @RequestParam(defaultValue = "") String coordinator,
      Actor actor,
      Model model,
      RedirectAttributes redirect,
      HttpServletResponse response) {
    var answer = new Answer(id, requireChange(actor), model, redirect, response);
    var chosen = coordinator.isBlank() ? null : coordinator;
    if (chosen != null && users.find(chosen).filter(u -> u.has(Role.COORDINATOR)).isEmpty()) {
      var values = Map.of("coordinator", coordinator);
      return failed(answer, "coordinator", null, "pathway.error.noSuchCoordinator", values);
    }
    pathways.assign(id, chosen, actor);
    return done(answer, "pathway.done.assigned", "coordinator");
  }

  @PostMapping("/evaluation")
  String planEvaluation(
      @PathVariable UUID id,
      @RequestParam(defaultValue = "") String date,
      Actor actor,
      Model model,
      RedirectAttributes redirect,
      HttpServletResponse response) {
    var answer = new Answer(id, requireChange(actor), model, redirect, response);
    var values = Map.of("date", date);
    LocalDate on;
    try {
      on = LocalDate.parse(date);
    } catch (DateTimeParseException e) {
      return failed(answer, "evaluation", null, "pathway.error.date", values);
    }
    if (on.isBefore(pathways.today())) {
      return failed(answer, "evaluation", null, "pathway.error.evaluationPast", values);
    }
    evaluations.plan(id, on, actor);
    return done(answer, "pathway.done.evaluationPlanned", "evaluation");
  }

  /**
   * Changes the pathway's type (mental health and substance use): closes it and opens one of the
   * new type on the date; the answer is the new pathway's page.
   */
  @PostMapping("/type-change")
  String changeType(
      @PathVariable UUID id,
      @RequestParam(defaultValue = "") String pathway,
      @RequestParam(defaultValue = "") String date,
      @RequestParam(defaultValue = "") String note,
      Actor actor,
      Model model,
      RedirectAttributes redirect,
      HttpServletResponse response) {
    var answer = new Answer(id, requireChange(actor), model, redirect, response);
    var values = values("pathway", pathway, "date", date, "note", note);
    if (pathway.isBlank()) {
      return failed(answer, "typeChange", null, "pathway.error.typeRequired", values);
    }
    LocalDate on;
    try {
      on = optionalDate(date);
    } catch (DateTimeParseException e) {
      return failed(answer, "typeChange", null, "pathway.error.date", values);
    }
    if (on == null) {
      return failed(answer, "typeChange", null, "pathway.error.dateRequired", values);
    }
    ChangeResult result;
    try {
      result = pathways.changeType(id, new ChangeType(pathway, on, note), actor);
    } catch (InvalidPathwayRequestException e) {
      return failed(answer, new Failure("typeChange", null, texts.refusal(e), values));
    }
    if (result instanceof ChangeResult.Refused refused) {
      var text = texts.rejection(refused.rejection());
      return failed(answer, new Failure("typeChange", null, text, values));
    }
    var replacement = ((ChangeResult.Changed) result).pathway();
    answer.redirect().addFlashAttribute("done", "pathway.done.typeChanged");
    return "redirect:/pathways/" + replacement.id() + "#type-change";
  }

  @PostMapping("/notes")
  String note(
      @PathVariable UUID id,
      @RequestParam(defaultValue = "") String text,
      Actor actor,
      Model model,
      RedirectAttributes redirect,
      HttpServletResponse response) {
    var answer = new Answer(id, requireChange(actor), model, redirect, response);
    if (text.isBlank()) {
      return failed(answer, "note", null, "pathway.error.noteRequired", Map.of("text", text));
    }
    pathways.addNote(id, text, actor);
    return done(answer, "pathway.done.noted", "notes");
  }

  private Actor requireChange(Actor actor) {
    if (!pages.mayChange()) {
      throw new ReadOnlyException();
    }
    return actor;
  }

  private String outcome(
      Answer answer,
      ChangeResult result,
      String form,
      @Nullable UUID registration,
      Map<String, String> values,
      String done) {
    if (result instanceof ChangeResult.Refused refused) {
      var failure = new Failure(form, registration, texts.rejection(refused.rejection()), values);
      return failed(answer, failure);
    }
    return done(answer, done, "confirm".equals(form) ? "timeline" : "history");
  }

  private static String done(Answer answer, String message, String anchor) {
    answer.redirect().addFlashAttribute("done", message);
    return "redirect:/pathways/" + answer.id() + "#" + anchor;
  }

  private String failed(
      Answer answer,
      String form,
      @Nullable UUID registration,
      String message,
      Map<String, String> values) {
    return failed(answer, new Failure(form, registration, texts.message(message), values));
  }

  private String failed(Answer answer, Failure failure) {
    answer.response().setStatus(UNPROCESSABLE);
    answer.model().addAttribute("failure", failure);
    return page(answer.id(), answer.actor(), answer.model());
  }

  private static @Nullable LocalDate optionalDate(String text) {
    return text.isBlank() ? null : LocalDate.parse(text.strip());
  }

  private static Map<String, String> values(String... namesAndValues) {
    var values = new LinkedHashMap<String, String>();
    for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
      values.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return values;
  }

  /** The signed-in user may read pathways but not change them (a leader or analyst). */
  static final class ReadOnlyException extends RuntimeException {
    ReadOnlyException() {
      super("This role may read pathways, not change them.");
    }
  }
}
