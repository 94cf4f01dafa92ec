package org.maplebridge.crisis;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.maplebridge.write.BusinessRule.check;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.maplebridge.crisis.CrisisCommands.AcknowledgeEscalation;
import org.maplebridge.crisis.CrisisCommands.AssessRisk;
import org.maplebridge.crisis.CrisisCommands.CloseCrisis;
import org.maplebridge.crisis.CrisisCommands.CompleteFollowUp;
import org.maplebridge.crisis.CrisisCommands.ConfirmRescue;
import org.maplebridge.crisis.CrisisCommands.Deescalate;
import org.maplebridge.crisis.CrisisCommands.DispatchEmergencyServices;
import org.maplebridge.crisis.CrisisCommands.Escalate;
import org.maplebridge.crisis.CrisisCommands.EscalationDue;
import org.maplebridge.crisis.CrisisCommands.FollowUpDue;
import org.maplebridge.crisis.CrisisCommands.OpenCrisisContact;
import org.maplebridge.crisis.CrisisCommands.RecordSafetyPlan;
import org.maplebridge.crisis.CrisisCommands.RecordSupervisorConsult;
import org.maplebridge.crisis.CrisisCommands.ReopenCrisis;
import org.maplebridge.crisis.CrisisCommands.RescueConfirmationDue;
import org.maplebridge.crisis.CrisisCommands.ScheduleFollowUp;
import org.maplebridge.crisis.CrisisRules.AFollowUpIsCompletedOnce;
import org.maplebridge.crisis.CrisisRules.ARescueNeedsHighOrImminentRisk;
import org.maplebridge.crisis.CrisisRules.AnEscalationIsAcknowledgedOnce;
import org.maplebridge.crisis.CrisisRules.AnEscalationNeedsARiskLevel;
import org.maplebridge.crisis.CrisisRules.NothingIsAddedToAClosedEpisode;
import org.maplebridge.crisis.CrisisRules.OnlyAClosedEpisodeCanBeReopened;
import org.maplebridge.crisis.CrisisRules.OnlyADispatchedRescueIsConfirmed;
import org.maplebridge.crisis.CrisisRules.TheLadderHasAHigherRung;
import org.maplebridge.events.Actor;
import org.maplebridge.events.Role;
import org.maplebridge.events.crisis.ClosureApprovalRequested;
import org.maplebridge.events.crisis.CrisisClosed;
import org.maplebridge.events.crisis.CrisisContactOpened;
import org.maplebridge.events.crisis.CrisisDeescalated;
import org.maplebridge.events.crisis.CrisisReopened;
import org.maplebridge.events.crisis.EmergencyServicesDispatched;
import org.maplebridge.events.crisis.EscalationAcknowledged;
import org.maplebridge.events.crisis.EscalationDeadlineMissed;
import org.maplebridge.events.crisis.EscalationRaised;
import org.maplebridge.events.crisis.EscalationTier;
import org.maplebridge.events.crisis.FollowUpAttemptFailed;
import org.maplebridge.events.crisis.FollowUpCompleted;
import org.maplebridge.events.crisis.FollowUpOverdue;
import org.maplebridge.events.crisis.FollowUpScheduled;
import org.maplebridge.events.crisis.LostToFollowUp;
import org.maplebridge.events.crisis.RescueConfirmationOverdue;
import org.maplebridge.events.crisis.RescueConfirmed;
import org.maplebridge.events.crisis.ReturnedToAssessment;
import org.maplebridge.events.crisis.RiskAssessed;
import org.maplebridge.events.crisis.RiskLevel;
import org.maplebridge.events.crisis.SafetyPlanRecorded;
import org.maplebridge.events.crisis.SupervisorConsultRequested;
import org.maplebridge.events.crisis.SupervisorConsulted;
import org.maplebridge.events.intake.Instrument;
import org.maplebridge.intake.ScreeningScore;
import org.maplebridge.intake.ScreeningScoring;
import org.maplebridge.scope.RecordFacts;
import org.maplebridge.scope.ScopePolicy;
import org.maplebridge.write.AggregateCaching;
import org.maplebridge.write.ExpectedVersionFromMetadata;
import org.maplebridge.write.InvalidInput;
import org.maplebridge.write.NotAllowed;
import org.maplebridge.write.RecordNotFound;
import org.maplebridge.write.SourceFacts;
import org.maplebridge.write.TargetRecord;

/**
 * A crisis episode: contact, risk assessment, the escalation ladder with its deadlines, rescue,
 * safety plan, follow-ups and closure. Missed deadlines act on their own: an unacknowledged
 * escalation climbs to the next tier, an unconfirmed rescue is retried and escalated, an undone
 * follow-up is reported overdue. Crisis workers and the supervisor of the unit work on it; for
 * everyone else it does not exist.
 */
@Aggregate(
    commandTargetResolver = ExpectedVersionFromMetadata.BEAN,
    cache = AggregateCaching.CRISES)
class CrisisEpisode {
  static final String SYSTEM = "system";
  static final String ESCALATION_DEADLINE = "escalation-acknowledgement";
  static final String RESCUE_DEADLINE = "rescue-confirmation";
  static final String FOLLOW_UP_DEADLINE = "follow-up-due";
  static final int FAILED_ATTEMPTS_BEFORE_LOST = 3;
  static final int RESCUE_CHECKS = 10;

  @AggregateIdentifier private UUID crisisId;
  private String unit;
  private RiskLevel level;
  private RiskLevel highestLevel;
  private final Map<UUID, EscalationTier> openEscalations = new HashMap<>();
  private final Set<UUID> escalations = new HashSet<>();
  private EscalationTier tierReached;
  private boolean rescueUnconfirmed;
  private boolean rescued;
  private UUID clientId;
  private final Set<UUID> pendingFollowUps = new HashSet<>();
  private final Set<UUID> followUps = new HashSet<>();
  private int failedFollowUps;
  private int safetyPlanVersion;
  private boolean closed;

  CrisisEpisode() {
    // for Axon
  }

  @CommandHandler
  CrisisEpisode(OpenCrisisContact command, Actor actor, LinkedRecords links) {
    if (actor.unit() == null) {
      throw new NotAllowed("Crisis contacts are opened for a unit");
    }
    requireLinksWithin(actor.unit(), command, links);
    apply(
        new CrisisContactOpened(
            command.crisisId(),
            command.channel(),
            command.caller(),
            command.clientId(),
            command.summary(),
            actor.unit(),
            command.intakeId(),
            actor.username()));
  }

  @CommandHandler
  void handle(AssessRisk command, Actor actor, CrisisDeadlines deadlines, DeadlineManager timer) {
    requireCrisisStaff(actor);
    check(new NothingIsAddedToAClosedEpisode(closed));
    ScreeningScore screener =
        command.screenerAnswers() == null
            ? null
            : ScreeningScoring.score(
                Instrument.CSSRS, command.screenerAnswers(), command.recentBehaviour());
    apply(
        new RiskAssessed(
            crisisId,
            command.assessmentId(),
            command.level(),
            level,
            screener == null ? null : screener.answers(),
            screener == null ? null : screener.recentBehaviour(),
            screener == null ? null : screener.risk(),
            command.desire(),
            command.capability(),
            command.intent(),
            command.buffers(),
            command.notes(),
            actor.username()));
    if (command.level() == RiskLevel.HIGH) {
      apply(new SupervisorConsultRequested(crisisId, command.level()));
    }
    // Imminent risk takes one step: assessing it raises the first escalation at once.
    if (command.level() == RiskLevel.IMMINENT && openEscalations.isEmpty()) {
      raiseEscalation(
          "Imminent risk assessed",
          actor.username(),
          deadlines,
          timer,
          GenericEventMessage.clock.instant());
    }
    if (command.level().isAtLeast(RiskLevel.HIGH) && pendingFollowUps.isEmpty()) {
      scheduleFollowUp(
          derivedId("follow-up", followUps.size()),
          GenericEventMessage.clock.instant().plus(deadlines.followUpWithin(command.level())),
          SYSTEM,
          timer);
    }
  }

  @CommandHandler
  void handle(RecordSupervisorConsult command, Actor actor) {
    requireCrisisStaff(actor);
    apply(new SupervisorConsulted(crisisId, actor.username(), command.advice()));
  }

  @CommandHandler
  UUID handle(Escalate command, Actor actor, CrisisDeadlines deadlines, DeadlineManager timer) {
    requireCrisisStaff(actor);
    check(new NothingIsAddedToAClosedEpisode(closed));
    check(new AnEscalationNeedsARiskLevel(level));
    check(new TheLadderHasAHigherRung(tierReached == EscalationTier.EMERGENCY_SERVICES));
    return raiseEscalation(
        command.escalationId(),
        command.reason(),
        actor.username(),
        deadlines,
        timer,
        GenericEventMessage.clock.instant());
  }

  /** Escalations the platform raises itself get ids derived from the episode: replay-safe. */
  private UUID raiseEscalation(
      String reason, String by, CrisisDeadlines deadlines, DeadlineManager timer, Instant now) {
    return raiseEscalation(
        derivedId("escalation", escalations.size()), reason, by, deadlines, timer, now);
  }

  private UUID derivedId(String what, int ordinal) {
    return UUID.nameUUIDFromBytes(
        (crisisId + ":" + what + ":" + ordinal).getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private UUID raiseEscalation(
      UUID escalationId,
      String reason,
      String by,
      CrisisDeadlines deadlines,
      DeadlineManager timer,
      Instant now) {
    EscalationTier tier =
        tierReached == null ? EscalationTier.ON_CALL_SUPERVISOR : tierReached.next();
    Instant deadline = now.plus(deadlines.acknowledgeWithin(level));
    apply(new EscalationRaised(crisisId, escalationId, tier, level, reason, deadline, by));
    timer.schedule(deadline, ESCALATION_DEADLINE, new EscalationDue(escalationId, deadline));
    return escalationId;
  }

  @CommandHandler
  void handle(AcknowledgeEscalation command, Actor actor) {
    requireCrisisStaff(actor);
    if (!escalations.contains(command.escalationId())) {
      throw new RecordNotFound("Escalation " + command.escalationId(), asTarget());
    }
    EscalationTier tier = openEscalations.get(command.escalationId());
    check(new AnEscalationIsAcknowledgedOnce(tier == null));
    apply(
        new EscalationAcknowledged(crisisId, command.escalationId(), tier, actor.username(), true));
  }

  @DeadlineHandler(deadlineName = ESCALATION_DEADLINE)
  void escalationDue(EscalationDue due, CrisisDeadlines deadlines, DeadlineManager timer) {
    EscalationTier tier = openEscalations.get(due.escalationId());
    if (tier == null || closed) {
      return;
    }
    apply(new EscalationDeadlineMissed(crisisId, due.escalationId(), tier, due.due()));
    if (tier.next() != null) {
      raiseEscalation("Not acknowledged in time at " + tier, SYSTEM, deadlines, timer, due.due());
    }
  }

  @CommandHandler
  void handle(
      DispatchEmergencyServices command,
      Actor actor,
      CrisisDeadlines deadlines,
      DeadlineManager timer) {
    requireCrisisStaff(actor);
    check(new NothingIsAddedToAClosedEpisode(closed));
    check(new ARescueNeedsHighOrImminentRisk(level));
    Instant confirmBy = GenericEventMessage.clock.instant().plus(deadlines.rescueConfirmation());
    apply(
        new EmergencyServicesDispatched(
            crisisId,
            command.agency(),
            command.reference(),
            command.confidentialityBreakReason(),
            confirmBy,
            actor.username()));
    timer.schedule(confirmBy, RESCUE_DEADLINE, new RescueConfirmationDue(1, confirmBy));
  }

  @DeadlineHandler(deadlineName = RESCUE_DEADLINE)
  void rescueDue(RescueConfirmationDue due, CrisisDeadlines deadlines, DeadlineManager timer) {
    if (!rescueUnconfirmed || closed) {
      return;
    }
    boolean retry = due.attempt() < RESCUE_CHECKS;
    Instant next = due.due().plus(deadlines.rescueConfirmation());
    apply(new RescueConfirmationOverdue(crisisId, due.attempt(), retry ? next : null));
    if (tierReached != EscalationTier.EMERGENCY_SERVICES) {
      raiseEscalation("Rescue not confirmed", SYSTEM, deadlines, timer, due.due());
    }
    if (retry) {
      timer.schedule(next, RESCUE_DEADLINE, new RescueConfirmationDue(due.attempt() + 1, next));
    }
  }

  @CommandHandler
  void handle(ConfirmRescue command, Actor actor) {
    requireCrisisStaff(actor);
    check(new OnlyADispatchedRescueIsConfirmed(rescueUnconfirmed));
    apply(new RescueConfirmed(crisisId, command.outcome(), actor.username()));
  }

  @CommandHandler
  void handle(Deescalate command, Actor actor) {
    requireCrisisStaff(actor);
    check(new NothingIsAddedToAClosedEpisode(closed));
    apply(new CrisisDeescalated(crisisId, command.notes(), actor.username()));
  }

  @CommandHandler
  void handle(RecordSafetyPlan command, Actor actor) {
    requireCrisisStaff(actor);
    check(new NothingIsAddedToAClosedEpisode(closed));
    apply(
        new SafetyPlanRecorded(crisisId, safetyPlanVersion + 1, command.plan(), actor.username()));
  }

  @CommandHandler
  void handle(ScheduleFollowUp command, Actor actor, DeadlineManager timer) {
    requireCrisisStaff(actor);
    check(new NothingIsAddedToAClosedEpisode(closed));
    scheduleFollowUp(command.followUpId(), command.dueAt(), actor.username(), timer);
  }

  private void scheduleFollowUp(UUID followUpId, Instant dueAt, String by, DeadlineManager timer) {
    apply(new FollowUpScheduled(crisisId, followUpId, dueAt, by));
    timer.schedule(dueAt, FOLLOW_UP_DEADLINE, new FollowUpDue(followUpId, dueAt));
  }

  @DeadlineHandler(deadlineName = FOLLOW_UP_DEADLINE)
  void followUpDue(FollowUpDue due) {
    if (pendingFollowUps.contains(due.followUpId()) && !closed) {
      apply(new FollowUpOverdue(crisisId, due.followUpId(), due.due()));
    }
  }

  @CommandHandler
  void handle(CompleteFollowUp command, Actor actor) {
    requireCrisisStaff(actor);
    if (!followUps.contains(command.followUpId())) {
      throw new RecordNotFound("Follow-up " + command.followUpId(), asTarget());
    }
    check(new AFollowUpIsCompletedOnce(!pendingFollowUps.contains(command.followUpId())));
    if (!command.reached()) {
      apply(
          new FollowUpAttemptFailed(
              crisisId,
              command.followUpId(),
              failedFollowUps + 1,
              command.notes(),
              actor.username()));
      if (failedFollowUps == FAILED_ATTEMPTS_BEFORE_LOST) {
        apply(new LostToFollowUp(crisisId, failedFollowUps));
      }
      return;
    }
    RiskLevel before = level;
    apply(
        new FollowUpCompleted(
            crisisId, command.followUpId(), command.level(), command.notes(), actor.username()));
    if (before != null && command.level().compareTo(before) > 0) {
      apply(new ReturnedToAssessment(crisisId, before, command.level()));
    }
  }

  /** Whether a close request closed the episode or now waits for the supervisor. */
  enum ClosureOutcome {
    CLOSED,
    AWAITING_APPROVAL
  }

  @CommandHandler
  ClosureOutcome handle(CloseCrisis command, Actor actor) {
    requireCrisisStaff(actor);
    check(new NothingIsAddedToAClosedEpisode(closed));
    boolean needsApproval = highestLevel != null && highestLevel.isAtLeast(RiskLevel.HIGH);
    if (needsApproval && !actor.is(Role.SUPERVISOR)) {
      apply(
          new ClosureApprovalRequested(
              crisisId, command.reason(), command.summary(), actor.username()));
      return ClosureOutcome.AWAITING_APPROVAL;
    }
    apply(
        new CrisisClosed(
            crisisId,
            command.reason(),
            command.summary(),
            actor.username(),
            needsApproval ? actor.username() : null));
    return ClosureOutcome.CLOSED;
  }

  @CommandHandler
  void handle(ReopenCrisis command, Actor actor) {
    requireCrisisStaff(actor);
    check(new OnlyAClosedEpisodeCanBeReopened(closed));
    apply(new CrisisReopened(crisisId, command.reason(), actor.username()));
  }

  /**
   * An episode names only an intake and a client of its own unit, and the intake's own client: a
   * link elsewhere would open another unit's person to this unit's crisis staff.
   */
  private static void requireLinksWithin(
      String unit, OpenCrisisContact command, LinkedRecords links) {
    if (command.intakeId() != null) {
      SourceFacts intake =
          links
              .intake(command.intakeId())
              .filter(facts -> unit.equals(facts.unit()))
              .orElseThrow(() -> new InvalidInput("intakeId", "No such intake in your unit"));
      if (command.clientId() != null && !command.clientId().equals(intake.clientId())) {
        throw new InvalidInput("clientId", "The intake is about another client");
      }
    }
    if (command.clientId() != null
        && !links.unitOfClient(command.clientId()).map(unit::equals).orElse(false)) {
      throw new InvalidInput("clientId", "No such client in your unit");
    }
  }

  SourceFacts referralFacts() {
    return new SourceFacts(clientId, unit, Set.of(), false, rescued);
  }

  /** Crisis workers and the supervisor of the unit; for anyone else the episode does not exist. */
  private void requireCrisisStaff(Actor actor) {
    if (ScopePolicy.decide(actor, RecordFacts.crisis(unit)).isEmpty()) {
      throw new RecordNotFound("Crisis episode " + crisisId, asTarget());
    }
  }

  private TargetRecord asTarget() {
    return new TargetRecord("CRISIS", crisisId, unit);
  }

  @EventSourcingHandler
  void on(CrisisContactOpened event) {
    crisisId = event.crisisId();
    unit = event.unit();
    clientId = event.clientId();
  }

  @EventSourcingHandler
  void on(RiskAssessed event) {
    level = event.level();
    raiseHighest(event.level());
  }

  @EventSourcingHandler
  void on(EscalationRaised event) {
    escalations.add(event.escalationId());
    openEscalations.clear();
    openEscalations.put(event.escalationId(), event.tier());
    tierReached = event.tier();
  }

  @EventSourcingHandler
  void on(EscalationAcknowledged event) {
    openEscalations.remove(event.escalationId());
  }

  @EventSourcingHandler
  void on(EscalationDeadlineMissed event) {
    openEscalations.remove(event.escalationId());
  }

  @EventSourcingHandler
  void on(EmergencyServicesDispatched event) {
    rescueUnconfirmed = true;
    rescued = true;
  }

  @EventSourcingHandler
  void on(RescueConfirmed event) {
    rescueUnconfirmed = false;
  }

  @EventSourcingHandler
  void on(SafetyPlanRecorded event) {
    safetyPlanVersion = event.version();
  }

  @EventSourcingHandler
  void on(FollowUpScheduled event) {
    followUps.add(event.followUpId());
    pendingFollowUps.add(event.followUpId());
  }

  @EventSourcingHandler
  void on(FollowUpAttemptFailed event) {
    failedFollowUps = event.attempt();
  }

  @EventSourcingHandler
  void on(FollowUpCompleted event) {
    pendingFollowUps.remove(event.followUpId());
  }

  @EventSourcingHandler
  void on(ReturnedToAssessment event) {
    level = event.to();
    raiseHighest(event.to());
  }

  @EventSourcingHandler
  void on(CrisisClosed event) {
    closed = true;
  }

  @EventSourcingHandler
  void on(CrisisReopened event) {
    closed = false;
  }

  private void raiseHighest(RiskLevel reached) {
    if (highestLevel == null || reached.compareTo(highestLevel) > 0) {
      highestLevel = reached;
    }
  }
}
