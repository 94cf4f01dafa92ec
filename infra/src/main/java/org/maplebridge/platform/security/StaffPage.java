package org.maplebridge.platform.security;

import java.time.OffsetDateTime;
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
      OffsetDateTime createdAt) {}

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
                SELECT username, display_name, role, unit, enabled, approved,
                       password_hash IS NULL AS from_provider, created_at
                FROM staff_account ORDER BY approved, unit NULLS FIRST, username
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
    return "staff";
  }
}
