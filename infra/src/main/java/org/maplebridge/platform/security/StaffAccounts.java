package org.maplebridge.platform.security;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.maplebridge.events.Actor;
import org.maplebridge.events.Role;
import org.maplebridge.read.SignedInStaff;
import org.maplebridge.read.StaffNames;
import org.maplebridge.read.UnitCounsellors;
import org.maplebridge.write.StaffDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Staff accounts in PostgreSQL: sign-in for the built-in login and the staff directory. */
@Component
public class StaffAccounts
    implements UserDetailsService, StaffDirectory, SignedInStaff, StaffNames, UnitCounsellors {
  private final JdbcClient jdbc;

  /** How long a confirmation that an account is in good standing holds before it is asked again. */
  static final Duration RECHECK = Duration.ofSeconds(5);

  /** Where a signed-in account stands now. */
  public enum Standing {
    ACTIVE,
    /** Switched off by the administrator (or a demo account outside demo mode), or gone. */
    SWITCHED_OFF,
    /** Signed in with a password someone else chose: nothing but changing it works. */
    MUST_CHANGE_PASSWORD
  }

  private final Map<String, Long> confirmedActiveAt = new ConcurrentHashMap<>();

  StaffAccounts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Where the account stands: asked of the database at most every few seconds per person while it
   * is active, so someone switched off loses an open session and cached credentials within seconds,
   * on every instance (at once on this one). A privileged account waiting for the privacy officer's
   * approval stands like a switched-off one.
   */
  public Standing standing(String username) {
    Long confirmed = confirmedActiveAt.get(username);
    long now = System.nanoTime();
    if (confirmed != null && now - confirmed < RECHECK.toNanos()) {
      return Standing.ACTIVE;
    }
    Standing standing =
        jdbc.sql(
                "SELECT enabled AND approved AS enabled, password_change_required"
                    + " FROM staff_account WHERE username = :username")
            .param("username", username)
            .query(
                (row, n) ->
                    !row.getBoolean("enabled")
                        ? Standing.SWITCHED_OFF
                        : row.getBoolean("password_change_required")
                            ? Standing.MUST_CHANGE_PASSWORD
                            : Standing.ACTIVE)
            .optional()
            .orElse(Standing.SWITCHED_OFF);
    if (standing == Standing.ACTIVE) {
      confirmedActiveAt.put(username, now);
    } else {
      confirmedActiveAt.remove(username);
    }
    return standing;
  }

  @Override
  public boolean stillOn(String username) {
    return standing(username) != Standing.SWITCHED_OFF;
  }

  @Override
  public Map<String, String> displayNames(Collection<String> usernames) {
    return names(
        "SELECT username AS id, display_name AS name FROM staff_account"
            + " WHERE username = ANY(CAST(:ids AS text[]))",
        usernames);
  }

  @Override
  public Map<String, String> unitNames(Collection<String> units) {
    return names("SELECT id, name FROM unit WHERE id = ANY(CAST(:ids AS text[]))", units);
  }

  private Map<String, String> names(String sql, Collection<String> ids) {
    Map<String, String> names = new HashMap<>();
    if (!ids.isEmpty()) {
      jdbc.sql(sql)
          .param("ids", ids.toArray(String[]::new))
          .query((row, n) -> names.put(row.getString("id"), row.getString("name")))
          .list();
    }
    return names;
  }

  /** Forgets the last confirmation at once, on this instance (others within seconds). */
  void changed(String username) {
    confirmedActiveAt.remove(username);
  }

  @Override
  public UserDetails loadUserByUsername(String username) {
    return jdbc.sql(
            "SELECT username, password_hash, role, unit, provider_id, enabled, approved"
                + " FROM staff_account"
                + " WHERE username = :username AND password_hash IS NOT NULL")
        .param("username", username)
        .query(
            (row, n) ->
                User.withUsername(row.getString("username"))
                    .password(row.getString("password_hash"))
                    .authorities(
                        StaffAuthorities.of(
                            Role.valueOf(row.getString("role")),
                            row.getString("unit"),
                            row.getObject("provider_id", UUID.class)))
                    // Pending approval signs in no more than switched off does.
                    .disabled(!row.getBoolean("enabled") || !row.getBoolean("approved"))
                    .build())
        .optional()
        .orElseThrow(() -> new UsernameNotFoundException("No such staff member"));
  }

  @Override
  public Optional<Actor> find(String username) {
    return jdbc.sql(
            "SELECT username, role, unit, provider_id FROM staff_account"
                + " WHERE username = :username AND enabled AND approved")
        .param("username", username)
        .query(
            (row, n) ->
                new Actor(
                    row.getString("username"),
                    Role.valueOf(row.getString("role")),
                    row.getString("unit"),
                    row.getObject("provider_id", UUID.class)))
        .optional();
  }

  @Override
  public List<Counsellor> of(String unit) {
    return jdbc.sql(
            "SELECT username, display_name FROM staff_account WHERE unit = :unit"
                + " AND role = 'COUNSELLOR' AND enabled AND approved"
                + " ORDER BY display_name, username")
        .param("unit", unit)
        .query((row, n) -> new Counsellor(row.getString("username"), row.getString("display_name")))
        .list();
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

  /** Whether the service directory knows the provider (as its read model has it now). */
  boolean providerExists(UUID provider) {
    return jdbc.sql("SELECT count(*) FROM provider_view WHERE provider_id = :id")
            .param("id", provider)
            .query(Long.class)
            .single()
        > 0;
  }

  /** The username of a member the OIDC provider vouched for before. */
  Optional<String> usernameOf(String issuer, String subject) {
    return jdbc.sql(
            "SELECT username FROM staff_account"
                + " WHERE oidc_issuer = :issuer AND oidc_subject = :subject")
        .param("issuer", issuer)
        .param("subject", subject)
        .query(String.class)
        .optional();
  }

  /**
   * Records (or updates) a member the OIDC provider vouches for, so the directory knows their role
   * and unit; false when the username belongs to a built-in account or to another member. (An
   * account made by an earlier version, without issuer and subject, is claimed by its username
   * once.)
   */
  boolean keepFromProvider(
      String issuer, String subject, String username, String displayName, Role role, String unit) {
    return jdbc.sql(
                """
            INSERT INTO staff_account
              (username, display_name, password_hash, role, unit, oidc_issuer, oidc_subject)
            VALUES (:username, :name, NULL, :role, :unit, :issuer, :subject)
            ON CONFLICT (username) DO UPDATE
              SET display_name = EXCLUDED.display_name, role = EXCLUDED.role,
                  unit = EXCLUDED.unit, oidc_issuer = EXCLUDED.oidc_issuer,
                  oidc_subject = EXCLUDED.oidc_subject
              WHERE staff_account.password_hash IS NULL
                AND (staff_account.oidc_subject IS NULL
                     OR (staff_account.oidc_issuer = EXCLUDED.oidc_issuer
                         AND staff_account.oidc_subject = EXCLUDED.oidc_subject))
            """)
            .param("username", username)
            .param("name", displayName)
            .param("role", role.name())
            .param("unit", unit)
            .param("issuer", issuer)
            .param("subject", subject)
            .update()
        == 1;
  }

  public void ensureUnit(String id, String name) {
    jdbc.sql("INSERT INTO unit (id, name) VALUES (:id, :name) ON CONFLICT (id) DO NOTHING")
        .param("id", id)
        .param("name", name)
        .update();
  }

  /** Where an account's first password comes from. */
  public enum Origin {
    /** A demo account: the published demo password, usable only in demo mode. */
    DEMO,
    /** A password someone else chose and told the owner: changed at first sign-in. */
    ASSIGNED_PASSWORD
  }

  /**
   * Creates the account unless the username is taken, approved or waiting for the privacy officer's
   * approval; true when it was created.
   */
  public boolean create(
      String username,
      String displayName,
      String passwordHash,
      Role role,
      String unit,
      Origin origin,
      boolean approved) {
    return create(username, displayName, passwordHash, role, unit, null, origin, approved);
  }

  /**
   * Creates the account, of a unit's staff or ({@code provider}) of a provider's, unless the
   * username is taken, approved or waiting for the privacy officer's approval; true when it was
   * created.
   */
  public boolean create(
      String username,
      String displayName,
      String passwordHash,
      Role role,
      String unit,
      UUID provider,
      Origin origin,
      boolean approved) {
    return jdbc.sql(
                """
            INSERT INTO staff_account
              (username, display_name, password_hash, role, unit, provider_id, demo,
               password_change_required, approved)
            VALUES (:username, :name, :hash, :role, :unit, :provider, :demo, :change, :approved)
            ON CONFLICT (username) DO NOTHING
            """)
            .param("username", username)
            .param("name", displayName)
            .param("hash", passwordHash)
            .param("role", role.name())
            .param("unit", unit)
            .param("provider", provider)
            .param("demo", origin == Origin.DEMO)
            .param("change", origin == Origin.ASSIGNED_PASSWORD)
            .param("approved", approved)
            .update()
        == 1;
  }

  /** The password's hash, for checking the current password; empty for provider-only staff. */
  Optional<String> passwordHash(String username) {
    return jdbc.sql(
            "SELECT password_hash FROM staff_account"
                + " WHERE username = :username AND password_hash IS NOT NULL")
        .param("username", username)
        .query(String.class)
        .optional();
  }

  /** The owner's own new password: the one someone else chose no longer needs changing. */
  void setOwnPassword(String username, String passwordHash) {
    jdbc.sql(
            "UPDATE staff_account SET password_hash = :hash, password_change_required = FALSE"
                + " WHERE username = :username")
        .param("hash", passwordHash)
        .param("username", username)
        .update();
    changed(username);
  }

  /**
   * Demo accounts work only in demo mode: switched on when it starts, off whenever the platform
   * starts without it. Returns how many were switched off.
   */
  int demoAccountsOn(boolean on) {
    return jdbc.sql("UPDATE staff_account SET enabled = :on WHERE demo AND enabled <> :on")
        .param("on", on)
        .update();
  }

  /** Marks as demo an account made before demo accounts were marked. */
  void markDemo(String username) {
    jdbc.sql("UPDATE staff_account SET demo = TRUE WHERE username = :username")
        .param("username", username)
        .update();
  }

  /** Demo usernames with their hashes, to find demo accounts made before they were marked. */
  Map<String, String> unmarkedHashes(Collection<String> usernames) {
    Map<String, String> hashes = new HashMap<>();
    jdbc.sql(
            "SELECT username, password_hash FROM staff_account"
                + " WHERE username IN (:names) AND NOT demo AND password_hash IS NOT NULL")
        .param("names", usernames)
        .query((row, n) -> hashes.put(row.getString(1), row.getString(2)))
        .list();
    return hashes;
  }

  /**
   * Whether someone can still administer the platform: an active administrator that is not a demo
   * account.
   */
  boolean hasRealAdministrator() {
    return jdbc.sql(
                "SELECT count(*) FROM staff_account WHERE role = 'ADMIN' AND enabled AND NOT demo")
            .query(Long.class)
            .single()
        > 0;
  }

  /**
   * The first administrator's account: created, or taken over from the demo administrator of a data
   * directory that was used in demo mode before. True when the password was set.
   */
  boolean createFirstAdministrator(String passwordHash) {
    return jdbc.sql(
                """
            INSERT INTO staff_account
              (username, display_name, password_hash, role, unit, password_change_required)
            VALUES ('admin', 'Administrator', :hash, 'ADMIN', NULL, TRUE)
            ON CONFLICT (username) DO UPDATE
              SET password_hash = EXCLUDED.password_hash, demo = FALSE, enabled = TRUE,
                  approved = TRUE, password_change_required = TRUE
              WHERE staff_account.demo
            """)
            .param("hash", passwordHash)
            .update()
        == 1;
  }

  /** Accounts are not event-sourced: who changed which account, and how, is kept beside them. */
  void recordChange(Actor by, String subject, String change) {
    jdbc.sql(
            "INSERT INTO staff_change (changed_by, subject, change) VALUES (:by, :subject, :change)")
        .param("by", by.username())
        .param("subject", subject)
        .param("change", change)
        .update();
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
    int approved =
        jdbc.sql(
                "UPDATE staff_account SET approved = TRUE, approved_by = :by, approved_at = now()"
                    + " WHERE username = :username AND NOT approved")
            .param("username", username)
            .param("by", approver)
            .update();
    changed(username);
    return Optional.of(approved);
  }
}
