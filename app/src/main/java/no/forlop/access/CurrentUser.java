package no.forlop.access;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the signed-in user in every page's model, for the layout's header. */
@ControllerAdvice(annotations = Controller.class)
class CurrentUser {

  private final Users users;

  CurrentUser(Users users) {
    this.users = users;
  }

  @ModelAttribute
  void user(Model model) {
    users.current().ifPresent(user -> model.addAttribute("currentUser", user));
  }
}
