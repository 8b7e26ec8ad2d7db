package no.forlop.access;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The container image's guard against the demo users' plain passwords (ADR 0041). */
class PlainPasswordsTest {

  private static AccessSettings withPassword(String password) {
    return new AccessSettings(
        List.of(
            new AccessSettings.LocalUser(
                "kari", password, "Kari Nordmann", null, Set.of(Role.COORDINATOR), List.of("1"))),
        List.of(new AccessSettings.UnitSettings("1", "Fjordby sykehus HF", null, null, null)));
  }

  @Test
  void plain_passwords_are_refused_where_they_are_not_allowed() {
    assertThatThrownBy(() -> PlainPasswords.check(withPassword("{noop}demo"), false))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("plain-text password")
        .hasMessageNotContaining("demo}");
  }

  @Test
  void hashed_passwords_pass_where_plain_ones_are_not_allowed() {
    assertThatCode(
            () ->
                PlainPasswords.check(
                    withPassword(
                        "{bcrypt}$2a$10$abcdefghijklmnopqrstuuABCDEFGHIJKLMNOPQRSTUVWXYZ012"),
                    false))
        .doesNotThrowAnyException();
  }

  @Test
  void plain_passwords_pass_where_they_are_allowed_as_on_a_laptop() {
    assertThatCode(() -> PlainPasswords.check(withPassword("{noop}demo"), true))
        .doesNotThrowAnyException();
  }
}
