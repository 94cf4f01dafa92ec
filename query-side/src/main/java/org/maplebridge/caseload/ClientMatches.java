package org.maplebridge.caseload;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.UUID;
import org.maplebridge.events.PersonalData;
import org.maplebridge.read.MarksMasking;
import org.maplebridge.read.ScopedView;
import org.maplebridge.read.ShownAsInitials;
import org.maplebridge.scope.Scope;

/**
 * What a returning-person lookup found among the unit's clients, each shown as the lookup's scope
 * allows; the lookup itself is a recorded look too, so one that found nobody is in the audit.
 */
public record ClientMatches(@JsonIgnore Lookup lookup, List<ClientMatch> items) {
  /** The access audit's record type of a lookup (its id is the lookup's own). */
  public static final String LOOKUP = "CLIENT_LOOKUP";

  /** The most people one lookup shows: enough to tell them apart, too few to browse the unit. */
  static final int MOST = 20;

  /** A lookup in {@code unit}'s clients: a look at whom it finds, recorded with its purpose. */
  public record Lookup(UUID lookupId, String unit, Scope scope) implements ScopedView {

    @Override
    public Look look() {
      return new Look(LOOKUP, lookupId, unit);
    }
  }

  /**
   * A client of the unit, read whole: reference, name and birth year, and how many of their cases
   * and crisis episodes in the unit are open.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ClientMatch(
      String reference,
      @PersonalData @ShownAsInitials String name,
      Integer birthYear,
      int openCases,
      int openEpisodes,
      @MarksMasking boolean masked,
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
