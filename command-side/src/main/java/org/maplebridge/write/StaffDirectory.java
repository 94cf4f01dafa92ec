package org.maplebridge.write;

import java.util.Optional;
import org.maplebridge.events.Actor;

/** Looks up staff members, e.g. to check that an assignee is a counsellor of the unit. */
public interface StaffDirectory {

  Optional<Actor> find(String username);
}
