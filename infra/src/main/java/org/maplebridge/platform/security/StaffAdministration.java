package org.maplebridge.platform.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.maplebridge.events.Actor;
import org.maplebridge.events.Role;
import org.maplebridge.write.InvalidInput;
import org.maplebridge.write.NotAllowed;
import org.maplebridge.write.RecordNotFound;
import org.maplebridge.write.RuleViolated;
import org.maplebridge.write.Text;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The administrator's staff accounts and units: who works where in which role, new accounts and
 * units, and accounts switched off when someone leaves; the privacy officer's approval of a new
 * privileged account. Each change is recorded with who made it.
 */
@RestController
@Tag(name = "Staff", description = "Staff accounts and units (admin)")
class StaffAdministration {
  private final JdbcClient jdbc;
  private final StaffAccounts accounts;
  private final PasswordEncoder passwords;
  private final PasswordPolicy policy;

  StaffAdministration(
      JdbcClient jdbc, StaffAccounts accounts, PasswordEncoder passwords, PasswordPolicy policy) {
    this.jdbc = jdbc;
    this.accounts = accounts;
    this.passwords = passwords;
    this.policy = policy;
  }

  record NewUnit(
      @NotBlank @Size(max = 64) @Pattern(regexp = "[a-z0-9][a-z0-9-]*") String id,
      @NotBlank @Size(max = 200) @Pattern(regexp = Text.SINGLE_LINE) String name) {}

  @PostMapping("/api/admin/units")
  ResponseEntity<Map<String, String>> addUnit(@Valid @RequestBody NewUnit unit, Actor admin) {
    requireAdmin(admin);
    if (accounts.unitExists(unit.id())) {
      throw new RuleViolated("UnitIdsAreUnique", "A unit with this id exists already");
    }
    accounts.ensureUnit(unit.id(), unit.name());
    accounts.recordChange(admin, unit.id(), "unit added: " + unit.name());
    return ResponseEntity.created(URI.create("/admin/staff")).body(Map.of("id", unit.id()));
  }

  record NewAccount(
      @NotBlank @Size(max = 100) @Pattern(regexp = "[a-z0-9._-]+") String username,
      @NotBlank @Size(max = 200) @Pattern(regexp = Text.SINGLE_LINE) String displayName,
      @NotNull Role role,
      @Size(max = 64) String unit,
      UUID providerId,
      @NotBlank String password) {}

  @PostMapping("/api/admin/staff")
  ResponseEntity<Map<String, String>> addAccount(
      @Valid @RequestBody NewAccount account, Actor admin) {
    requireAdmin(admin);
    if (account.role() == Role.SYSTEM) {
      throw new InvalidInput("role", "The platform's own role is not for people");
    }
    boolean forProvider = account.role() == Role.PROVIDER;
    if (forProvider != (account.providerId() != null)) {
      throw new InvalidInput(
          "providerId",
          forProvider
              ? "Provider staff answer for a provider of the directory"
              : "Only provider staff answer for a provider");
    }
    if (forProvider && !accounts.providerExists(account.providerId())) {
      throw new InvalidInput("providerId", "No such provider in the directory");
    }
    boolean needsUnit = !account.role().organisationWide() && !forProvider;
    if (needsUnit != (account.unit() != null && !account.unit().isBlank())) {
      throw new InvalidInput(
          "unit",
          needsUnit
              ? "Staff of this role belong to a unit"
              : "Administrators, privacy officers and provider staff have no unit");
    }
    if (needsUnit && !accounts.unitExists(account.unit())) {
      throw new InvalidInput("unit", "No such unit");
    }
    policy
        .refusal(account.username(), account.password())
        .ifPresent(
            why -> {
              throw new InvalidInput("password", why);
            });
    // The administrator alone must not make someone who reads a unit's cases or keeps accounts:
    // such an account waits for the privacy officer.
    boolean pending = account.role().privileged();
    boolean created =
        accounts.create(
            account.username(),
            account.displayName(),
            passwords.encode(account.password()),
            account.role(),
            needsUnit ? account.unit() : null,
            account.providerId(),
            StaffAccounts.Origin.ASSIGNED_PASSWORD,
            !pending);
    if (!created) {
      throw new RuleViolated("UsernamesAreUnique", "This username is taken");
    }
    accounts.recordChange(
        admin,
        account.username(),
        "account added: "
            + account.role()
            + (needsUnit ? " in " + account.unit() : "")
            + (forProvider ? " for provider " + account.providerId() : "")
            + (pending ? ", waiting for the privacy officer's approval" : ""));
    return ResponseEntity.created(URI.create("/admin/staff"))
        .body(Map.of("username", account.username()));
  }

  record Enabled(@NotNull Boolean enabled) {}

  /** Someone who leaves is switched off, not deleted: their name stays on what they did. */
  @PostMapping("/api/admin/staff/{username}/enabled")
  ResponseEntity<Void> setEnabled(
      @PathVariable String username, @Valid @RequestBody Enabled enabled, Actor admin) {
    requireAdmin(admin);
    if (username.equals(admin.username())) {
      throw new RuleViolated("AdministratorsKeepTheirOwnAccess", "You cannot switch yourself off");
    }
    int changed =
        jdbc.sql("UPDATE staff_account SET enabled = :enabled WHERE username = :username")
            .param("enabled", enabled.enabled())
            .param("username", username)
            .update();
    if (changed == 0) {
      throw new RecordNotFound("Staff account " + username);
    }
    if (!enabled.enabled()) {
      accounts.changed(username);
    }
    accounts.recordChange(
        admin, username, enabled.enabled() ? "account enabled" : "account disabled");
    return ResponseEntity.noContent().build();
  }

  /**
   * The privacy officer's own act: a waiting SUPERVISOR, ADMIN or PRIVACY_OFFICER account may sign
   * in from now on. Once only; never one's own.
   */
  @PostMapping("/api/admin/staff/{username}/approval")
  @Operation(
      summary =
          "Privacy officer: approve a waiting supervisor, administrator or privacy officer account")
  ResponseEntity<Void> approve(@PathVariable String username, Actor officer) {
    if (!officer.is(Role.PRIVACY_OFFICER)) {
      throw new NotAllowed("Accounts are approved by the privacy officer");
    }
    if (username.equals(officer.username())) {
      throw new RuleViolated("NoOneApprovesTheirOwnAccount", "You cannot approve your own account");
    }
    int approved =
        accounts
            .approve(username, officer.username())
            .orElseThrow(() -> new RecordNotFound("Staff account " + username));
    if (approved == 0) {
      throw new RuleViolated("AnAccountIsApprovedOnce", "This account is approved already");
    }
    accounts.recordChange(officer, username, "account approved");
    return ResponseEntity.noContent().build();
  }

  static void requireAdmin(Actor caller) {
    if (!caller.is(Role.ADMIN)) {
      throw new NotAllowed("Staff accounts are kept by the administrator");
    }
  }
}
