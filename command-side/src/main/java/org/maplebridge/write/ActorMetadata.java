package org.maplebridge.write;

import java.util.HashMap;
import java.util.Map;
import org.maplebridge.events.Actor;
import org.maplebridge.events.MetadataKeys;
import org.maplebridge.events.Role;

/** The metadata that tells a command who sends it: user, role, unit and the role as authority. */
public final class ActorMetadata {
  static final String ROLE_AUTHORITY = "ROLE_";

  private ActorMetadata() {}

  public static Map<String, Object> of(Actor actor) {
    Map<String, Object> metadata = new HashMap<>();
    metadata.put(MetadataKeys.USER, actor.username());
    metadata.put(MetadataKeys.ROLE, actor.role().name());
    metadata.put(MetadataKeys.UNIT, actor.unit() == null ? "" : actor.unit());
    metadata.put(MetadataKeys.AUTHORITIES, ROLE_AUTHORITY + actor.role().name());
    if (actor.provider() != null) {
      metadata.put(MetadataKeys.PROVIDER, actor.provider().toString());
    }
    return metadata;
  }

  /** The platform itself acting, e.g. on an alert, for a unit (or none). */
  public static Map<String, Object> system(String unit) {
    return of(new Actor("system", Role.SYSTEM, unit));
  }
}
