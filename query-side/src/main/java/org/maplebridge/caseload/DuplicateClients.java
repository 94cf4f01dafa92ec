package org.maplebridge.caseload;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.UUID;
import org.maplebridge.events.Actor;
import org.maplebridge.events.PersonalData;
import org.maplebridge.read.Paging.PageRequest;
import org.maplebridge.read.ScopedView;
import org.maplebridge.read.ShownAsInitials;
import org.maplebridge.scope.Scope;

/**
 * Clients of a unit who may be one person taken in twice: the same phone number (its digits) and
 * year of birth, or the same name and date of birth. For the unit's supervisor, who merges them.
 */
public final class DuplicateClients {
  private DuplicateClients() {}

  /** Why two clients look alike. */
  public enum Alike {
    PHONE_AND_BIRTH_YEAR,
    NAME_AND_BIRTH_DATE
  }

  /**
   * The unit's possible duplicates, one line per later client (by reference), each with the
   * earliest client of the unit it looks like; a page of them after the later reference {@code
   * page.after()}.
   */
  public record FindPossibleDuplicates(Actor viewer, PageRequest<String> page) {
    public static final String LIST = "possible-duplicates";
  }

  /** One page of possible duplicates, and the cursor of the next page (null on the last). */
  public record PossibleDuplicates(List<PossibleDuplicate> items, String next) {}

  /**
   * A client who looks like an earlier one: {@code reference} the later (the likely duplicate),
   * {@code likeReference} the earlier (the likely one to keep), and why. {@code clients} shows
   * both, the later first, as the viewer's scope allows: each is a look at that client.
   */
  public record PossibleDuplicate(
      String reference, String likeReference, List<Alike> alike, List<Client> clients) {}

  /** A client as a unit's supervisor sees one: reference, initials and year of birth. */
  public record Client(
      String reference,
      @PersonalData @ShownAsInitials String name,
      Integer birthYear,
      @JsonIgnore UUID clientId,
      @JsonIgnore String unit,
      @JsonIgnore Scope scope)
      implements ScopedView {

    @Override
    public Look look() {
      return new Look("CLIENT", clientId, unit);
    }
  }
}
