package no.forlop.audit.web;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;
import no.forlop.access.Actor;
import no.forlop.access.EmergencyGrant;
import no.forlop.access.User;
import no.forlop.access.Users;
import no.forlop.audit.EmergencyAccessReview;
import no.forlop.audit.EmergencyAccessReview.ReviewRefusedException;
import no.forlop.web.PageNumbers;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The review page of emergency accesses (nødtilgang) for a leader or administrator: who, when,
 * which patient's pathway, why, until when, and a form to mark each reviewed with a comment.
 */
@Controller
@RequestMapping("/emergency-access")
class EmergencyAccessReviewPage {

  static final String TEMPLATE = "audit/emergency-review";

  /** Rows per page, as the worklist's. */
  static final int PAGE_SIZE = 50;

  /** Times are shown in Oslo time (the audit module does not depend on the calendar module). */
  private static final java.time.ZoneId OSLO = java.time.ZoneId.of("Europe/Oslo");

  private final EmergencyAccessReview review;
  private final Users users;
  private final MessageSource messages;
  private final Clock clock;

  EmergencyAccessReviewPage(
      EmergencyAccessReview review, Users users, MessageSource messages, Clock clock) {
    this.review = review;
    this.users = users;
    this.messages = messages;
    this.clock = clock;
  }

  /** One row of the list, as shown. */
  public record Row(
      UUID id,
      String who,
      String patient,
      UUID pathway,
      String kind,
      String reason,
      String grantedAt,
      String expiresAt,
      boolean active,
      @Nullable String reviewed) {}

  /** The list, newest first, a page at a time ({@code page} from 0, as the worklist's). */
  @GetMapping
  ModelAndView list(
      Actor actor,
      @RequestParam(required = false) @Nullable String done,
      @RequestParam(required = false) @Nullable String page) {
    return page(actor, PageNumbers.parse(page), null, null, done != null);
  }

  @PostMapping("/{id}/review")
  ModelAndView review(
      @PathVariable UUID id,
      @RequestParam(required = false) @Nullable String comment,
      @RequestParam(name = "page", required = false) @Nullable String onPage,
      Actor actor,
      RedirectAttributes redirect) {
    var number = PageNumbers.parse(onPage);
    try {
      review.review(id, comment, actor);
    } catch (ReviewRefusedException e) {
      var page =
          page(
              actor, number, id, "emergency.problem.EMERGENCY_REVIEW_" + e.problem().name(), false);
      page.setStatus(
          HttpStatusCode.valueOf(
              switch (e.problem()) {
                case NOT_FOUND -> 404;
                case OUTSIDE_UNITS -> 403;
                case ALREADY_REVIEWED -> 409;
                case COMMENT_REQUIRED, COMMENT_TOO_LONG -> 422;
              }));
      return page;
    }
    // back to the page the grant is on
    return new ModelAndView(
        "redirect:/emergency-access?done" + (number > 0 ? "&page=" + number : "") + "#grant-" + id);
  }

  private ModelAndView page(
      Actor actor, int number, @Nullable UUID failed, @Nullable String error, boolean done) {
    var locale = LocaleContextHolder.getLocale();
    var now = clock.instant();
    var list = review.list(actor, number, PAGE_SIZE);
    var rows = list.grants().stream().map(g -> row(g, now, locale)).toList();
    var page = new ModelAndView(TEMPLATE);
    page.addObject("rows", rows);
    page.addObject("list", list);
    // the error shows at its row; one for a grant not on the list (not found, another unit's) on
    // top
    page.addObject("failed", rows.stream().anyMatch(r -> r.id().equals(failed)) ? failed : null);
    page.addObject("error", error);
    page.addObject("done", done);
    page.addObject("maxComment", EmergencyAccessReview.MAX_COMMENT);
    return page;
  }

  private Row row(EmergencyGrant g, Instant now, Locale locale) {
    return new Row(
        g.id(),
        name(g.actor()),
        g.patient(),
        g.pathway(),
        messages.getMessage("emergency.kind." + g.kind().name(), null, locale),
        g.reason(),
        time(g.grantedAt(), locale),
        time(g.expiresAt(), locale),
        g.activeAt(now),
        g.reviewedAt() == null
            ? null
            : messages.getMessage(
                "emergency.review.reviewed",
                new Object[] {
                  name(java.util.Objects.requireNonNull(g.reviewedBy())),
                  time(g.reviewedAt(), locale),
                  g.reviewComment()
                },
                locale));
  }

  private String name(String username) {
    return users.find(username).map(User::name).orElse(username);
  }

  private String time(Instant instant, Locale locale) {
    return DateTimeFormatter.ofPattern(
            messages.getMessage("pathway.format.time", null, locale), locale)
        .format(instant.atZone(OSLO));
  }
}
