package org.maplebridge.oncall;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.maplebridge.write.Authority.SUPERVISOR;
import static org.maplebridge.write.BusinessRule.check;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.maplebridge.events.Actor;
import org.maplebridge.events.Role;
import org.maplebridge.events.crisis.EscalationTier;
import org.maplebridge.events.oncall.OnCallPeriod;
import org.maplebridge.events.oncall.OnCallRosterSet;
import org.maplebridge.oncall.OnCallRules.OneHolderOfATierAtATime;
import org.maplebridge.write.AggregateCaching;
import org.maplebridge.write.ExpectedVersionFromMetadata;
import org.maplebridge.write.InvalidInput;
import org.maplebridge.write.NotAllowed;
import org.maplebridge.write.StaffDirectory;
import org.springframework.security.access.annotation.Secured;

/**
 * A unit's on-call roster: who holds each tier of the escalation ladder when. Event-sourced, so
 * every version of it and who set it stay in the history: after an incident, who was on call is a
 * fact, not a spreadsheet. The unit's supervisor keeps it.
 */
@Aggregate(
    commandTargetResolver = ExpectedVersionFromMetadata.BEAN,
    cache = AggregateCaching.ROSTERS)
class OnCallRoster {
  /** The tiers people hold; emergency services are an agency, reached by whoever holds these. */
  static final Set<EscalationTier> STAFFED_TIERS =
      Set.of(EscalationTier.ON_CALL_SUPERVISOR, EscalationTier.ON_CALL_CLINICIAN);

  private static final Set<Role> ON_CALL_ROLES = Set.of(Role.SUPERVISOR, Role.CRISIS_WORKER);

  /** A unit has one roster; its id keeps it apart from records of other kinds. */
  static String idOf(String unit) {
    return "on-call:" + unit;
  }

  /** The whole roster from now on; a period left out is taken off. */
  @Secured(SUPERVISOR)
  record SetOnCallRoster(
      @TargetAggregateIdentifier String rosterId, String unit, List<OnCallPeriod> periods) {}

  @AggregateIdentifier private String rosterId;
  private List<OnCallPeriod> periods = List.of();

  OnCallRoster() {
    // for Axon, and for a unit's first roster
  }

  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  void handle(SetOnCallRoster command, Actor actor, StaffDirectory staff) {
    if (!actor.is(Role.SUPERVISOR) || !actor.worksIn(command.unit())) {
      throw new NotAllowed("The unit's own supervisor keeps its on-call roster");
    }
    for (int i = 0; i < command.periods().size(); i++) {
      requireValid(command.periods().get(i), "periods[" + i + "]", command.unit(), staff);
    }
    check(new OneHolderOfATierAtATime(command.periods()));
    List<OnCallPeriod> ordered =
        command.periods().stream()
            .sorted(Comparator.comparing(OnCallPeriod::tier).thenComparing(OnCallPeriod::from))
            .toList();
    if (rosterId != null && ordered.equals(periods)) {
      return;
    }
    apply(new OnCallRosterSet(command.unit(), ordered, actor.username()));
  }

  private static void requireValid(
      OnCallPeriod period, String field, String unit, StaffDirectory staff) {
    if (!STAFFED_TIERS.contains(period.tier())) {
      throw new InvalidInput(
          field + ".tier", "People hold ON_CALL_SUPERVISOR or ON_CALL_CLINICIAN");
    }
    if (!period.from().isBefore(period.to())) {
      throw new InvalidInput(field + ".to", "A period ends after it starts");
    }
    boolean onCallStaff =
        staff
            .find(period.username())
            .filter(member -> member.worksIn(unit) && ON_CALL_ROLES.contains(member.role()))
            .isPresent();
    if (!onCallStaff) {
      throw new InvalidInput(field + ".username", "Not a crisis worker or supervisor of this unit");
    }
  }

  /** Who holds the tier at that moment; empty in a gap of the roster. */
  Optional<String> holder(EscalationTier tier, Instant at) {
    return periods.stream()
        .filter(period -> period.tier() == tier && period.covers(at))
        .map(OnCallPeriod::username)
        .findFirst();
  }

  @EventSourcingHandler
  void on(OnCallRosterSet event) {
    rosterId = idOf(event.unit());
    periods = event.periods();
  }
}
