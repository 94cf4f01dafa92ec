package org.maplebridge.events;

/**
 * Keys of the technical context every command carries and every stored event keeps: who acted, in
 * which role and unit, and which request it came from.
 */
public final class MetadataKeys {
  /** Username of the staff member who issued the command. */
  public static final String USER = "user";

  /** Role of that staff member: COUNSELLOR, CRISIS_WORKER, SUPERVISOR, ADMIN or PRIVACY_OFFICER. */
  public static final String ROLE = "role";

  /**
   * The role as authorities ({@code ROLE_COUNSELLOR}), comma separated: what Axon's authorization
   * interceptor checks against a command's {@code @Secured} roles.
   */
  public static final String AUTHORITIES = "authorities";

  /** The unit the staff member acted for; empty for ADMIN. */
  public static final String UNIT = "unit";

  /** The provider organisation a PROVIDER member acted for; absent for everyone else. */
  public static final String PROVIDER = "provider";

  /** Ties together every message caused by one request. */
  public static final String CORRELATION_ID = "correlationId";

  /** The client's Idempotency-Key header, when it sent one. */
  public static final String IDEMPOTENCY_KEY = "idempotencyKey";

  /** The aggregate version the caller last saw (HTTP If-Match); a mismatch is a conflict. */
  public static final String EXPECTED_VERSION = "expectedVersion";

  private MetadataKeys() {}
}
