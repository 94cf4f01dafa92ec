package org.maplebridge.platform.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.maplebridge.events.Actor;
import org.maplebridge.write.InvalidInput;
import org.maplebridge.write.RuleViolated;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Staff change their own password, knowing the current one; the first thing they do when someone
 * else chose it. A wrong current password counts as a failed sign-in, so a left-open session is no
 * way to guess it.
 */
@Controller
@Tag(name = "Staff", description = "Staff accounts and units (admin)")
class OwnPassword {
  private final StaffAccounts accounts;
  private final PasswordEncoder passwords;
  private final PasswordPolicy policy;
  private final SignInThrottle throttle;

  OwnPassword(
      StaffAccounts accounts,
      PasswordEncoder passwords,
      PasswordPolicy policy,
      SignInThrottle throttle) {
    this.accounts = accounts;
    this.passwords = passwords;
    this.policy = policy;
    this.throttle = throttle;
  }

  @GetMapping(AccountStanding.PASSWORD_PAGE)
  String page(Actor me, Model model) {
    model.addAttribute("username", me.username());
    model.addAttribute(
        "mustChange",
        accounts.standing(me.username()) == StaffAccounts.Standing.MUST_CHANGE_PASSWORD);
    return "password";
  }

  record PasswordChange(@NotNull String currentPassword, @NotBlank String newPassword) {}

  @PostMapping(AccountStanding.PASSWORD_API)
  @ResponseBody
  @Operation(summary = "Change one's own password, giving the current one")
  ResponseEntity<Void> change(
      @Valid @RequestBody PasswordChange change, Actor me, HttpServletRequest request) {
    String address = request.getRemoteAddr();
    var wait = throttle.waitFor(me.username(), address);
    if (wait.isPresent()) {
      long seconds = new SignInThrottle.Throttled(wait.get()).retryAfterSeconds();
      return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
          .header(HttpHeaders.RETRY_AFTER, String.valueOf(seconds))
          .build();
    }
    String currentHash =
        accounts
            .passwordHash(me.username())
            .orElseThrow(
                () ->
                    new RuleViolated(
                        "SingleSignOnPasswordsAreKeptByTheProvider",
                        "You sign in through the organisation's sign-in service; change your"
                            + " password there"));
    if (!passwords.matches(change.currentPassword(), currentHash)) {
      throttle.wrongPassword(me.username(), address);
      throw new InvalidInput("currentPassword", "This is not your current password");
    }
    if (change.newPassword().equals(change.currentPassword())) {
      throw new InvalidInput("newPassword", "Choose a password other than the current one");
    }
    policy
        .refusal(me.username(), change.newPassword())
        .ifPresent(
            why -> {
              throw new InvalidInput("newPassword", why);
            });
    accounts.setOwnPassword(me.username(), passwords.encode(change.newPassword()));
    throttle.passwordChanged(me.username());
    accounts.recordChange(me, me.username(), "password changed by its owner");
    return ResponseEntity.noContent().build();
  }
}
