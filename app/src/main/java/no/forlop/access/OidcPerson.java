package no.forlop.access;

import java.util.Collection;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

/** A person signed in with OIDC, mapped to a Forløp user (its name is the user's username). */
final class OidcPerson extends DefaultOidcUser implements SignedIn {

  private final User user;

  OidcPerson(
      Collection<? extends GrantedAuthority> authorities,
      OidcIdToken idToken,
      @Nullable OidcUserInfo userInfo,
      User user) {
    super(authorities, idToken, userInfo);
    this.user = user;
  }

  @Override
  public User user() {
    return user;
  }

  @Override
  public String getName() {
    return user.username();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof OidcPerson o && o.user.equals(user) && super.equals(other);
  }

  @Override
  public int hashCode() {
    return user.hashCode();
  }
}
