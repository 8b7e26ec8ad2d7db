package no.forlop.access;

import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Refuses to start when users with plain-text passwords ({@code {noop}…}, as the demo users have)
 * are configured and the installation does not allow them ({@code
 * forlop.access.plain-passwords-allowed=false}, which the container image sets unless {@code
 * FORLOP_DEMO_USERS=true}; ADR 0041). A mounted users file that forgot its users would otherwise
 * leave the demo users, password "demo", open in a hospital.
 */
@Component
class PlainPasswords {

  PlainPasswords(
      AccessSettings settings,
      @Value("${forlop.access.plain-passwords-allowed:true}") boolean allowed) {
    check(settings, allowed);
  }

  static void check(AccessSettings settings, boolean allowed) {
    if (allowed) {
      return;
    }
    List<String> plain =
        settings.users().stream()
            .filter(u -> u.password() != null && u.password().startsWith("{noop}"))
            .map(AccessSettings.LocalUser::username)
            .toList();
    if (!plain.isEmpty()) {
      throw new IllegalStateException(
          "forlop.access.plain-passwords-allowed is false, but "
              + plain.size()
              + " configured user(s) have a plain-text password ({noop}, as the demo users):"
              + " give every user a {bcrypt} password, or sign in with OIDC (docs/operations.md)");
    }
  }
}
