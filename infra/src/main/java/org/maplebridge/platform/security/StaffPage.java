package org.maplebridge.platform.security;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.maplebridge.events.Actor;
import org.maplebridge.events.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The page of units, staff accounts and the changes made to them: the administrator's, and the
 * privacy officer's for approving waiting accounts.
 */
@Controller
class StaffPage {
  private final JdbcClient jdbc;

  StaffPage(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  record Unit(String id, String name, long members) {}

  record Account(
      String username,
      String displayName,
      String role,
      String unit,
      boolean enabled,
      boolean approved,
      boolean fromProvider,
      OffsetDateTime createdAt,
      String providerName) {}

  /** A provider of the directory that provider staff answer for. */
  record ProviderChoice(UUID id, String organisation, String serviceName) {}

  record Change(OffsetDateTime changedAt, String changedBy, String subject, String change) {}

  /** The administrator keeps accounts here; the privacy officer approves the waiting ones. */
  @GetMapping("/admin/staff")
  String staff(Actor admin, Model model) {
    if (!admin.is(Role.PRIVACY_OFFICER)) {
      StaffAdministration.requireAdmin(admin);
    }
    model.addAttribute("keepsAccounts", admin.is(Role.ADMIN));
    model.addAttribute("approvesAccounts", admin.is(Role.PRIVACY_OFFICER));
    model.addAttribute(
        "units",
        jdbc.sql(
                """
                SELECT u.id, u.name, count(s.username) AS members FROM unit u
                LEFT JOIN staff_account s ON s.unit = u.id GROUP BY u.id, u.name ORDER BY u.id
                """)
            .query(Unit.class)
            .list());
    model.addAttribute(
        "accounts",
        jdbc.sql(
                """
                SELECT s.username, s.display_name, s.role, s.unit, s.enabled, s.approved,
                       s.password_hash IS NULL AS from_provider, s.created_at,
                       p.organisation AS provider_name
                FROM staff_account s LEFT JOIN provider_view p ON p.provider_id = s.provider_id
                ORDER BY s.approved, s.unit NULLS FIRST, s.username
                """)
            .query(Account.class)
            .list());
    model.addAttribute(
        "changes",
        jdbc.sql(
                "SELECT changed_at, changed_by, subject, change FROM staff_change"
                    + " ORDER BY change_id DESC LIMIT 50")
            .query(Change.class)
            .list());
    model.addAttribute("roles", Role.values());
    // The directory's providers, for a PROVIDER account's organisation (as the account check
    // reads).
    model.addAttribute(
        "providers",
        jdbc.sql(
                "SELECT provider_id AS id, organisation, service_name FROM provider_view"
                    + " ORDER BY organisation, service_name")
            .query(ProviderChoice.class)
            .list());
    return "staff";
  }
}
