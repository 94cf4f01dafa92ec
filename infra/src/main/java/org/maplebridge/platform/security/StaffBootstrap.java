package org.maplebridge.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.maplebridge.events.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * In demo mode, seeds the units north and south and the demo staff, marked as demo accounts and
 * approved. Any other start switches the demo accounts off (their password is published) and, when
 * no real administrator can sign in, creates one with a random password printed once, to be changed
 * at first sign-in.
 */
@Component
@Order(0)
class StaffBootstrap implements ApplicationRunner {
  private static final Logger log = LoggerFactory.getLogger(StaffBootstrap.class);

  record DemoStaff(String username, String displayName, Role role, String unit, UUID provider) {
    DemoStaff(String username, String displayName, Role role, String unit) {
      this(username, displayName, role, unit, null);
    }

    static DemoStaff ofProvider(String username, String displayName, String organisation) {
      return new DemoStaff(username, displayName, Role.PROVIDER, null, demoProvider(organisation));
    }
  }

  /** The id the demo directory gives a demo provider: fixed by its organisation's name. */
  static UUID demoProvider(String organisation) {
    return UUID.nameUUIDFromBytes(
        ("demo-provider:" + organisation).getBytes(StandardCharsets.UTF_8));
  }

  static final List<DemoStaff> DEMO_STAFF =
      List.of(
          new DemoStaff("alice", "Alice Wang", Role.COUNSELLOR, "north"),
          new DemoStaff("bob", "Bob Li", Role.COUNSELLOR, "north"),
          new DemoStaff("carol", "Carol Zhang", Role.CRISIS_WORKER, "north"),
          new DemoStaff("sam", "Sam Chen", Role.SUPERVISOR, "north"),
          new DemoStaff("dave", "Dave Liu", Role.COUNSELLOR, "south"),
          new DemoStaff("erin", "Erin Zhao", Role.CRISIS_WORKER, "south"),
          new DemoStaff("admin", "Administrator", Role.ADMIN, null),
          new DemoStaff("pat", "Pat Huang", Role.PRIVACY_OFFICER, null),
          DemoStaff.ofProvider("pia", "Pia Huang", "North District Mental Health Centre"),
          DemoStaff.ofProvider("paul", "Paul Wu", "Maple Street Social Work Station"));

  private final StaffAccounts accounts;
  private final PasswordEncoder passwords;
  private final boolean demo;
  private final String demoPassword;

  StaffBootstrap(
      StaffAccounts accounts,
      PasswordEncoder passwords,
      @Value("${maplebridge.demo:false}") boolean demo,
      @Value("${maplebridge.demo.password:demo-only}") String demoPassword) {
    this.accounts = accounts;
    this.passwords = passwords;
    this.demo = demo;
    this.demoPassword = demoPassword;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (demo) {
      seedDemo();
    } else {
      switchOffDemoAccounts();
      if (!accounts.hasRealAdministrator()) {
        createFirstAdmin();
      }
    }
  }

  private void seedDemo() {
    accounts.ensureUnit("north", "North community counselling centre");
    accounts.ensureUnit("south", "South district crisis hotline");
    String hash = passwords.encode(demoPassword);
    for (DemoStaff member : DEMO_STAFF) {
      accounts.create(
          member.username(),
          member.displayName(),
          hash,
          member.role(),
          member.unit(),
          member.provider(),
          StaffAccounts.Origin.DEMO,
          true);
    }
    markDemoAccountsOfEarlierVersions();
    accounts.demoAccountsOn(true);
    log.info(
        "Demo mode: staff alice, bob (counsellors, north), carol (crisis, north), sam (supervisor,"
            + " north), dave (counsellor, south), erin (crisis, south), admin, pat (privacy"
            + " officer), pia (provider, North District Mental Health Centre), paul (provider,"
            + " Maple Street Social Work Station); password from maplebridge.demo.password");
  }

  private void switchOffDemoAccounts() {
    markDemoAccountsOfEarlierVersions();
    int switchedOff = accounts.demoAccountsOn(false);
    if (switchedOff > 0) {
      log.warn("Not in demo mode: {} demo accounts switched off", switchedOff);
    }
  }

  /**
   * Data directories of earlier versions hold demo accounts that are not marked as such: they are
   * the demo usernames whose password is still the demo password.
   */
  private void markDemoAccountsOfEarlierVersions() {
    accounts
        .unmarkedHashes(DEMO_STAFF.stream().map(DemoStaff::username).toList())
        .forEach(
            (username, hash) -> {
              if (passwords.matches(demoPassword, hash)) {
                accounts.markDemo(username);
              }
            });
  }

  private void createFirstAdmin() {
    byte[] random = new byte[18];
    new SecureRandom().nextBytes(random);
    String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    // Another instance starting at the same moment may win the race; only the winner's password
    // is printed. Printed once, on purpose: there is no other way to learn it.
    if (accounts.createFirstAdministrator(passwords.encode(password))) {
      log.warn(
          "First start: created user 'admin' with password {} - it must be changed at the first"
              + " sign-in",
          password);
    }
  }
}
