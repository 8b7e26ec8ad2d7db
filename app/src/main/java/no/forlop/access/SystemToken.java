package no.forlop.access;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** A system signed in with a bearer token (client credentials), mapped to a Forløp user. */
final class SystemToken extends JwtAuthenticationToken implements SignedIn {

  private final User user;

  SystemToken(Jwt jwt, Collection<? extends GrantedAuthority> authorities, User user) {
    super(jwt, authorities, user.username());
    this.user = user;
  }

  @Override
  public User user() {
    return user;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SystemToken o && o.user.equals(user) && super.equals(other);
  }

  @Override
  public int hashCode() {
    return user.hashCode();
  }
}
