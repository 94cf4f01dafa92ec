package org.maplebridge.read;

import java.util.Collection;
import java.util.Map;

/**
 * The names pages show instead of ids: staff by their display names, units by theirs. Kept by the
 * platform's accounts, which the read models do not project.
 */
public interface StaffNames {

  /** Display names by user name, for those of {@code usernames} that have an account. */
  Map<String, String> displayNames(Collection<String> usernames);

  /** Unit names by unit id, for those of {@code units} that exist. */
  Map<String, String> unitNames(Collection<String> units);
}
