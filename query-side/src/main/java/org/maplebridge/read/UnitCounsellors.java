package org.maplebridge.read;

import java.util.List;

/**
 * The counsellors a unit's case can be given to, so that a page offers them to choose from: kept by
 * the platform's accounts.
 */
public interface UnitCounsellors {

  /** The unit's counsellors who can sign in now, by name. */
  List<Counsellor> of(String unit);

  record Counsellor(String username, String displayName) {}
}
