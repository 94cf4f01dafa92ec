package org.maplebridge.write;

/** The roles as authorities, for {@code @Secured} on commands: who may issue a command at all. */
public final class Authority {
  public static final String COUNSELLOR = "ROLE_COUNSELLOR";
  public static final String CRISIS_WORKER = "ROLE_CRISIS_WORKER";
  public static final String SUPERVISOR = "ROLE_SUPERVISOR";
  public static final String ADMIN = "ROLE_ADMIN";
  public static final String PROVIDER = "ROLE_PROVIDER";
  public static final String PRIVACY_OFFICER = "ROLE_PRIVACY_OFFICER";
  public static final String SYSTEM = "ROLE_SYSTEM";

  private Authority() {}
}
