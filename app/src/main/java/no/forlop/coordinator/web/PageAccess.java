package no.forlop.coordinator.web;

import java.util.List;
import no.forlop.access.Role;
import no.forlop.access.User;
import no.forlop.access.Users;
import org.springframework.stereotype.Component;

/**
 * Who may change a pathway from the coordinator's pages: coordinators, clinicians and
 * administrators; leaders and analysts only read. Which pathways a user may see at all is the
 * pathway module's to check (the user's units).
 */
@Component
public class PageAccess {

  /** Roles that may change a pathway; leaders and analysts only read. */
  static final List<Role> CHANGING_ROLES =
      List.of(Role.COORDINATOR, Role.CLINICIAN, Role.ADMINISTRATOR);

  private final Users users;

  PageAccess(Users users) {
    this.users = users;
  }

  /** Whether the signed-in user may change pathways (not only read them). */
  public boolean mayChange() {
    return users.current().map(PageAccess::mayChange).orElse(false);
  }

  public static boolean mayChange(User user) {
    return CHANGING_ROLES.stream().anyMatch(user::has);
  }

  /**
   * Refuses a change to a user who may only read.
   *
   * @throws ReadOnlyException answered by {@link PageErrors} with 403 and the reason in words
   */
  public void requireChange() {
    if (!mayChange()) {
      throw new ReadOnlyException();
    }
  }
}
