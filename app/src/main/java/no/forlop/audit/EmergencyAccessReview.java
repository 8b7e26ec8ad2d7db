package no.forlop.audit;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import no.forlop.access.Actor;
import no.forlop.access.EmergencyGrant;
import no.forlop.access.EmergencyGrants;
import no.forlop.web.PageNumbers;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Understands the review of emergency accesses (nødtilgang) by a leader or administrator of the
 * patient's unit: the list of the accesses to their units' patients (each patient listed is a read,
 * audited) and the review of one with a comment (audited as a change).
 */
@Service
public class EmergencyAccessReview {

  /** Longest review comment. */
  public static final int MAX_COMMENT = EmergencyGrants.MAX_COMMENT;

  private final EmergencyGrants grants;
  private final AuditLog audit;

  EmergencyAccessReview(EmergencyGrants grants, AuditLog audit) {
    this.grants = grants;
    this.audit = audit;
  }

  /** Why a review is refused. */
  public enum Problem {
    NOT_FOUND,
    OUTSIDE_UNITS,
    ALREADY_REVIEWED,
    COMMENT_REQUIRED,
    COMMENT_TOO_LONG
  }

  /** A review that could not be recorded. */
  public static class ReviewRefusedException extends RuntimeException {

    private final Problem problem;

    ReviewRefusedException(Problem problem) {
      super("emergency access review refused: " + problem);
      this.problem = problem;
    }

    public Problem problem() {
      return problem;
    }
  }

  /** The emergency accesses to the patients of the reviewer's units, newest first. */
  @Transactional
  public List<EmergencyGrant> list(Actor reviewer) {
    var list = grants.forReview(reviewer.units());
    audit.recordReads(
        reviewer, list.stream().map(EmergencyGrant::patient).toList(), "emergency-access");
    return list;
  }

  /**
   * One page of the review list.
   *
   * @param page the page shown (from 0; one past the last shows the last)
   * @param pages how many pages there are (at least one)
   * @param total how many emergency accesses there are in all
   */
  public record Page(List<EmergencyGrant> grants, int page, int pages, long total) {
    public Page {
      grants = List.copyOf(grants);
    }
  }

  /**
   * A page of {@link #list(Actor)}, newest first; only the patients on it are recorded as read.
   *
   * @param page the page asked for, from 0 (one past the last: the last)
   * @param size rows per page
   */
  @Transactional
  public Page list(Actor reviewer, int page, int size) {
    var total = grants.countForReview(reviewer.units());
    var shown = PageNumbers.shown(page, total, size);
    var list = grants.forReview(reviewer.units(), (long) shown * size, size);
    audit.recordReads(
        reviewer, list.stream().map(EmergencyGrant::patient).toList(), "emergency-access");
    return new Page(list, shown, PageNumbers.pages(total, size), total);
  }

  /**
   * Marks an emergency access to a patient of the reviewer's units reviewed, with a comment.
   *
   * @throws ReviewRefusedException with the problem, nothing recorded
   */
  @Transactional
  public EmergencyGrant review(UUID id, @Nullable String comment, Actor reviewer) {
    var text = comment == null ? "" : comment.strip();
    var grant = grants.find(id).orElseThrow(() -> new ReviewRefusedException(Problem.NOT_FOUND));
    if (!reviewer.mayAccess(grant.organisation())) {
      throw new ReviewRefusedException(Problem.OUTSIDE_UNITS);
    }
    if (text.isEmpty()) {
      throw new ReviewRefusedException(Problem.COMMENT_REQUIRED);
    }
    if (text.codePointCount(0, text.length()) > MAX_COMMENT) {
      throw new ReviewRefusedException(Problem.COMMENT_TOO_LONG);
    }
    Optional<EmergencyGrant> reviewed = grants.review(id, reviewer.id(), text);
    if (reviewed.isEmpty()) {
      throw new ReviewRefusedException(Problem.ALREADY_REVIEWED);
    }
    audit.record(
        reviewer.withoutEmergencyAccess(),
        AuditAction.UPDATE,
        grant.patient(),
        "emergency-access/" + id,
        "REVIEWED");
    return reviewed.get();
  }
}
