package no.forlop.coordinator;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import no.forlop.access.AccessSettings;
import no.forlop.access.Users;
import no.forlop.coordinator.web.PageAccess;
import no.forlop.coordinator.web.Texts;
import no.forlop.web.AllMessages;
import no.forlop.web.ApiProblems;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * What a {@code @WebMvcTest} slice of a coordinator page needs besides its controller: the
 * configured users and units (application.yml), so that the signed-in user's roles and units are
 * the real ones; the pages' texts and access rule; and the API error texts that the application's
 * controller advice uses. Signed in as Kari, a coordinator at Fjordby; the default Spring Security
 * of the slice requires a signed-in user and a CSRF token on every post.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Import({AllMessages.class, Users.class, Texts.class, PageAccess.class, ApiProblems.class})
@EnableConfigurationProperties(AccessSettings.class)
@WithMockUser("kari")
public @interface PageSlice {}
