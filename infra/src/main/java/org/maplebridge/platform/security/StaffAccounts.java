package org.maplebridge.platform.security;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.maplebridge.events.Actor;
import org.maplebridge.events.Role;
import org.maplebridge.write.StaffDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Staff accounts in PostgreSQL: sign-in for the built-in login and the staff directory. */
@Component
public class StaffAccounts implements UserDetailsService, StaffDirectory {
  private final JdbcClient jdbc;

  /** How long a confirmation that an account is switched on holds before it is asked again. */
  static final Duration RECHECK = Duration.ofSeconds(5);

  private final Map<String, Long> confirmedOnAt = new ConcurrentHashMap<>();

  StaffAccounts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Whether the account is still switched on (and approved, for a privileged one): asked of the
   * database at most every few seconds per person, so someone switched off loses an open session
   * and cached credentials within seconds, on every instance.
   */
  public boolean stillOn(String username) {
    Long confirmed = confirmedOnAt.get(username);
    long now = System.nanoTime();
    if (confirmed != null && now - confirmed < RECHECK.toNanos()) {
      return true;
    }
    boolean on =
        jdbc.sql("SELECT enabled AND approved FROM staff_account WHERE username = :username")
            .param("username", username)
            .query(Boolean.class)
            .optional()
            .orElse(false);
    if (on) {
      confirmedOnAt.put(username, now);
    } else {
      confirmedOnAt.remove(username);
    }
    return on;
  }

  /** Forgets the last confirmation at once, on this instance (others within seconds). */
  void switchedOff(String username) {
    confirmedOnAt.remove(username);
  }

  @Override
  public UserDetails loadUserByUsername(String username) {
    return jdbc.sql(
            "SELECT username, password_hash, role, unit, enabled, approved FROM staff_account"
                + " WHERE username = :username AND password_hash IS NOT NULL")
        .param("username", username)
        .query(
            (row, n) ->
                User.withUsername(row.getString("username"))
                    .password(row.getString("password_hash"))
                    .authorities(
                        StaffAuthorities.of(
                            Role.valueOf(row.getString("role")), row.getString("unit")))
                    // Pending approval signs in no more than switched off does.
                    .disabled(!row.getBoolean("enabled") || !row.getBoolean("approved"))
                    .build())
        .optional()
        .orElseThrow(() -> new UsernameNotFoundException("No such staff member"));
  }

  @Override
  public Optional<Actor> find(String username) {
    return jdbc.sql(
            "SELECT username, role, unit FROM staff_account WHERE username = :username"
                + " AND enabled AND approved")
        .param("username", username)
        .query(
            (row, n) ->
                new Actor(
                    row.getString("username"),
                    Role.valueOf(row.getString("role")),
                    row.getString("unit")))
        .optional();
  }

  public boolean any() {
    return jdbc.sql("SELECT count(*) FROM staff_account").query(Long.class).single() > 0;
  }

  boolean unitExists(String unit) {
    return jdbc.sql("SELECT count(*) FROM unit WHERE id = :id")
            .param("id", unit)
            .query(Long.class)
            .single()
        > 0;
  }

  /**
   * Records (or updates) a member the OIDC provider vouches for, so the directory knows their role
   * and unit; false when a built-in account with a password holds the username.
   */
  boolean keepFromProvider(String username, String displayName, Role role, String unit) {
    return jdbc.sql(
                """
            INSERT INTO staff_account (username, display_name, password_hash, role, unit)
            VALUES (:username, :name, NULL, :role, :unit)
            ON CONFLICT (username) DO UPDATE
              SET display_name = EXCLUDED.display_name, role = EXCLUDED.role,
                  unit = EXCLUDED.unit
              WHERE staff_account.password_hash IS NULL
            """)
            .param("username", username)
            .param("name", displayName)
            .param("role", role.name())
            .param("unit", unit)
            .update()
        == 1;
  }

  public void ensureUnit(String id, String name) {
    jdbc.sql("INSERT INTO unit (id, name) VALUES (:id, :name) ON CONFLICT (id) DO NOTHING")
        .param("id", id)
        .param("name", name)
        .update();
  }

  /** Creates an approved account unless the username is taken; true when it was created. */
  public boolean create(
      String username, String displayName, String passwordHash, Role role, String unit) {
    return create(username, displayName, passwordHash, role, unit, true);
  }

  /**
   * Creates the account unless the username is taken, approved or waiting for the privacy officer's
   * approval; true when it was created.
   */
  boolean create(
      String username,
      String displayName,
      String passwordHash,
      Role role,
      String unit,
      boolean approved) {
    return jdbc.sql(
                """
            INSERT INTO staff_account (username, display_name, password_hash, role, unit, approved)
            VALUES (:username, :name, :hash, :role, :unit, :approved)
            ON CONFLICT (username) DO NOTHING
            """)
            .param("username", username)
            .param("name", displayName)
            .param("hash", passwordHash)
            .param("role", role.name())
            .param("unit", unit)
            .param("approved", approved)
            .update()
        == 1;
  }

  /**
   * Approves a waiting account: 1 when approved now, 0 when it was approved already, empty when
   * there is no such account.
   */
  Optional<Integer> approve(String username, String approver) {
    boolean exists =
        jdbc.sql("SELECT count(*) FROM staff_account WHERE username = :username")
                .param("username", username)
                .query(Long.class)
                .single()
            > 0;
    if (!exists) {
      return Optional.empty();
    }
    return Optional.of(
        jdbc.sql(
                "UPDATE staff_account SET approved = TRUE, approved_by = :by, approved_at = now()"
                    + " WHERE username = :username AND NOT approved")
            .param("username", username)
            .param("by", approver)
            .update());
  }
}
