package no.forlop.coordinator.pathwaypage;

import jakarta.validation.Valid;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import no.forlop.access.Actor;
import no.forlop.access.Role;
import no.forlop.access.Users;
import no.forlop.coordinator.pathwaypage.PathwayForms.Assign;
import no.forlop.coordinator.pathwaypage.PathwayForms.Correct;
import no.forlop.coordinator.pathwaypage.PathwayForms.Evaluation;
import no.forlop.coordinator.pathwaypage.PathwayForms.Form;
import no.forlop.coordinator.pathwaypage.PathwayForms.Note;
import no.forlop.coordinator.pathwaypage.PathwayForms.Register;
import no.forlop.coordinator.pathwaypage.PathwayForms.Reject;
import no.forlop.coordinator.pathwaypage.PathwayForms.TypeChange;
import no.forlop.coordinator.pathwaypage.PathwayForms.Withdraw;
import no.forlop.coordinator.web.PageAccess;
import no.forlop.coordinator.web.PageErrors;
import no.forlop.coordinator.web.Texts;
import no.forlop.pathway.ChangeResult;
import no.forlop.pathway.ChangeType;
import no.forlop.pathway.CodeState;
import no.forlop.pathway.InvalidPathwayRequestException;
import no.forlop.pathway.Origin;
import no.forlop.pathway.PathwayDefinitionId;
import no.forlop.pathway.PathwayId;
import no.forlop.pathway.PathwayService;
import no.forlop.pathway.RegisterCode;
import no.forlop.pathway.RegistrationId;
import no.forlop.pathway.Remark;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A patient's pathway page and its actions: confirm or reject a proposal, correct or withdraw a
 * code (with a reason), register a code by hand, assign the responsible coordinator, add a note,
 * change the type of a mental-health pathway. Plain forms (post, redirect, get), so every action
 * works without script and with the keyboard; each form is a record bound and validated by Spring
 * ({@link PathwayForms}). A form that cannot be read, or a change that the coding rules refuse,
 * shows the page again with the reason in words next to the form (status 422). Leaders and analysts
 * read only.
 */
@Controller
@RequestMapping("/pathways/{id}")
class PathwayPageController {

  static final String TEMPLATE = "coordinator/pathwaypage/page";

  /**
   * Which error a form shows when it has several: what must be chosen first, then what could not be
   * read, then what is missing.
   */
  static final List<String> PRECEDENCE =
      List.of(
          "pathway.error.codeRequired",
          "pathway.error.typeRequired",
          "pathway.error.noteRequired",
          PathwayForms.UNREADABLE,
          "pathway.error.dateRequired");

  private final PathwayPages pages;
  private final PathwayService pathways;
  private final PageAccess access;
  private final Users users;
  private final Texts texts;
  private final EvaluationPlans evaluations;
  private final SpringValidatorAdapter validator;

  PathwayPageController(
      PathwayPages pages,
      PathwayService pathways,
      PageAccess access,
      Users users,
      Texts texts,
      EvaluationPlans evaluations,
      Validator validator) {
    this.pages = pages;
    this.pathways = pathways;
    this.access = access;
    this.users = users;
    this.texts = texts;
    this.evaluations = evaluations;
    this.validator = new SpringValidatorAdapter(validator);
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

  @GetMapping
  ModelAndView page(@PathVariable UUID id, Actor actor) {
    return new ModelAndView(TEMPLATE, Map.of("page", pages.page(id, actor)));
  }

  @PostMapping("/codes/{registration}/confirm")
  ModelAndView confirm(
      @PathVariable UUID id,
      @PathVariable UUID registration,
      Actor actor,
      RedirectAttributes redirect) {
    access.requireChange();
    var result = pathways.confirm(new PathwayId(id), new RegistrationId(registration), actor);
    return outcome(id, actor, redirect, result, "confirm", registration, Map.of(), "timeline");
  }

  @PostMapping("/codes/{registration}/reject")
  ModelAndView reject(
      @PathVariable UUID id,
      @PathVariable UUID registration,
      @Valid @ModelAttribute("rejectForm") Reject form,
      BindingResult errors,
      Actor actor,
      RedirectAttributes redirect) {
    access.requireChange();
    if (errors.hasErrors()) {
      return failed(id, actor, "reject", registration, form, errors);
    }
    var result =
        pathways.reject(
            new PathwayId(id),
            new RegistrationId(registration),
            Remark.written(Objects.requireNonNull(form.reason())),
            actor);
    return outcome(id, actor, redirect, result, "reject", registration, form.values(), "history");
  }

  @PostMapping("/codes/{registration}/correct")
  ModelAndView correct(
      @PathVariable UUID id,
      @PathVariable UUID registration,
      @Valid @ModelAttribute("correctForm") Correct form,
      BindingResult errors,
      Actor actor,
      RedirectAttributes redirect) {
    access.requireChange();
    if (errors.hasErrors()) {
      return failed(id, actor, "correct", registration, form, errors);
    }
    var result =
        pathways.correct(
            new PathwayId(id),
            new RegistrationId(registration),
            form.newCode(),
            form.date(),
            Remark.written(Objects.requireNonNull(form.reason())),
            actor);
    return outcome(id, actor, redirect, result, "correct", registration, form.values(), "history");
  }

  @PostMapping("/codes/{registration}/withdraw")
  ModelAndView withdraw(
      @PathVariable UUID id,
      @PathVariable UUID registration,
      @Valid @ModelAttribute("withdrawForm") Withdraw form,
      BindingResult errors,
      Actor actor,
      RedirectAttributes redirect) {
    access.requireChange();
    if (errors.hasErrors()) {
      return failed(id, actor, "withdraw", registration, form, errors);
    }
    var result =
        pathways.withdraw(
            new PathwayId(id),
            new RegistrationId(registration),
            Remark.written(Objects.requireNonNull(form.reason())),
            actor);
    return outcome(id, actor, redirect, result, "withdraw", registration, form.values(), "history");
  }

  @PostMapping("/codes")
  ModelAndView register(
      @PathVariable UUID id,
      @Valid @ModelAttribute("registerForm") Register form,
      BindingResult errors,
      Actor actor,
      RedirectAttributes redirect) {
    access.requireChange();
    if (errors.hasErrors()) {
      return failed(id, actor, "register", null, form, errors);
    }
    var request =
        new RegisterCode(
            Objects.requireNonNull(form.code()),
            Objects.requireNonNull(form.date()),
            CodeState.REGISTERED,
            Origin.MANUAL,
            form.startBasis(),
            form.referralReceivedOn(),
            form.referralAssessedOn(),
            null);
    var result = pathways.register(new PathwayId(id), request, actor);
    return outcome(id, actor, redirect, result, "register", null, form.values(), "history");
  }

  @PostMapping("/coordinator")
  ModelAndView assign(
      @PathVariable UUID id,
      @Valid @ModelAttribute("assignForm") Assign form,
      BindingResult errors,
      Actor actor,
      RedirectAttributes redirect) {
    access.requireChange();
    if (errors.hasErrors()) {
      return failed(id, actor, "coordinator", null, form, errors);
    }
    var chosen = form.chosen();
    if (chosen != null && users.find(chosen).filter(u -> u.has(Role.COORDINATOR)).isEmpty()) {
      var text = texts.message("pathway.error.noSuchCoordinator");
      return failed(id, actor, new Failure("coordinator", null, text, form.values()));
    }
    pathways.assign(new PathwayId(id), chosen, actor);
    return done(id, redirect, "pathway.done.assigned", "coordinator");
  }

  @PostMapping("/evaluation")
  ModelAndView planEvaluation(
      @PathVariable UUID id,
      @Valid @ModelAttribute("evaluationForm") Evaluation form,
      BindingResult errors,
      Actor actor,
      RedirectAttributes redirect) {
    access.requireChange();
    if (errors.hasErrors()) {
      return failed(id, actor, "evaluation", null, form, errors);
    }
    var on = Objects.requireNonNull(form.date());
    if (on.isBefore(pathways.today())) {
      var text = texts.message("pathway.error.evaluationPast");
      return failed(id, actor, new Failure("evaluation", null, text, form.values()));
    }
    evaluations.plan(id, on, actor);
    return done(id, redirect, "pathway.done.evaluationPlanned", "evaluation");
  }

  /**
   * Changes the pathway's type (mental health and substance use): closes it and opens one of the
   * new type on the date; the answer is the new pathway's page.
   */
  @PostMapping("/type-change")
  ModelAndView changeType(
      @PathVariable UUID id,
      @Valid @ModelAttribute("typeChangeForm") TypeChange form,
      BindingResult errors,
      Actor actor,
      RedirectAttributes redirect) {
    access.requireChange();
    if (errors.hasErrors()) {
      return failed(id, actor, "typeChange", null, form, errors);
    }
    var change =
        new ChangeType(
            PathwayDefinitionId.of(Objects.requireNonNull(form.pathway())),
            Objects.requireNonNull(form.date()),
            Objects.requireNonNull(form.note()));
    ChangeResult result;
    try {
      result = pathways.changeType(new PathwayId(id), change, actor);
    } catch (InvalidPathwayRequestException e) {
      return failed(id, actor, new Failure("typeChange", null, texts.refusal(e), form.values()));
    }
    if (result instanceof ChangeResult.Refused refused) {
      var text = texts.rejection(refused.rejection());
      return failed(id, actor, new Failure("typeChange", null, text, form.values()));
    }
    var replacement = ((ChangeResult.Changed) result).pathway();
    return done(replacement.id().value(), redirect, "pathway.done.typeChanged", "type-change");
  }

  @PostMapping("/notes")
  ModelAndView note(
      @PathVariable UUID id,
      @Valid @ModelAttribute("noteForm") Note form,
      BindingResult errors,
      Actor actor,
      RedirectAttributes redirect) {
    access.requireChange();
    if (errors.hasErrors()) {
      return failed(id, actor, "note", null, form, errors);
    }
    pathways.addNote(new PathwayId(id), Objects.requireNonNull(form.text()), actor);
    return done(id, redirect, "pathway.done.noted", "notes");
  }

  private ModelAndView outcome(
      UUID id,
      Actor actor,
      RedirectAttributes redirect,
      ChangeResult result,
      String form,
      @Nullable UUID registration,
      Map<String, String> values,
      String anchor) {
    if (result instanceof ChangeResult.Refused refused) {
      var text = texts.rejection(refused.rejection());
      return failed(id, actor, new Failure(form, registration, text, values));
    }
    return done(id, redirect, "pathway.done." + DONE.get(form), anchor);
  }

  /** The message key (after {@code pathway.done.}) of each change that went through. */
  private static final Map<String, String> DONE =
      Map.of(
          "confirm", "confirmed",
          "reject", "rejected",
          "correct", "corrected",
          "withdraw", "withdrawn",
          "register", "registered");

  private static ModelAndView done(
      UUID id, RedirectAttributes redirect, String message, String anchor) {
    redirect.addFlashAttribute("done", message);
    return new ModelAndView("redirect:/pathways/" + id + "#" + anchor);
  }

  /** The page again with the form's first error (by {@link #PRECEDENCE}) and what was typed. */
  private ModelAndView failed(
      UUID id,
      Actor actor,
      String name,
      @Nullable UUID registration,
      Form form,
      BindingResult errors) {
    var values = new LinkedHashMap<>(form.values());
    var unreadable = errors.getFieldErrors().stream().filter(FieldError::isBindingFailure).toList();
    unreadable.forEach(e -> values.put(e.getField(), typed(e.getRejectedValue())));
    if (!unreadable.isEmpty()) {
      // Spring does not validate a form whose values could not all be read; the other fields'
      // constraints still count (a code left out wins over a date that is no date)
      validator.validate(form, errors);
    }
    var key =
        errors.getFieldErrors().stream()
            .map(e -> e.isBindingFailure() ? PathwayForms.UNREADABLE : e.getDefaultMessage())
            .filter(Objects::nonNull)
            .min(Comparator.comparingInt(PathwayPageController::rank))
            .orElse(PathwayForms.UNREADABLE);
    return failed(id, actor, new Failure(name, registration, texts.message(key), values));
  }

  private ModelAndView failed(UUID id, Actor actor, Failure failure) {
    var page = page(id, actor);
    page.addObject("failure", failure);
    page.setStatus(HttpStatusCode.valueOf(PageErrors.UNPROCESSABLE));
    return page;
  }

  private static int rank(String key) {
    var rank = PRECEDENCE.indexOf(key);
    return rank < 0 ? PRECEDENCE.size() : rank;
  }

  private static String typed(@Nullable Object rejected) {
    if (rejected instanceof String[] values) {
      return values.length == 0 ? "" : values[0];
    }
    return rejected == null ? "" : rejected.toString();
  }
}
