package org.maplebridge.crisis;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.maplebridge.write.BusinessRule.check;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.maplebridge.crisis.CrisisCommands.AcknowledgeEscalation;
import org.maplebridge.crisis.CrisisCommands.AssessRisk;
import org.maplebridge.crisis.CrisisCommands.CarryOverScreeningRisk;
import org.maplebridge.crisis.CrisisCommands.CloseCrisis;
import org.maplebridge.crisis.CrisisCommands.CompleteFollowUp;
import org.maplebridge.crisis.CrisisCommands.ConfirmRescue;
import org.maplebridge.crisis.CrisisCommands.Deescalate;
import org.maplebridge.crisis.CrisisCommands.DispatchEmergencyServices;
import org.maplebridge.crisis.CrisisCommands.Escalate;
import org.maplebridge.crisis.CrisisCommands.EscalationDue;
import org.maplebridge.crisis.CrisisCommands.FollowUpDue;
import org.maplebridge.crisis.CrisisCommands.OpenCrisisContact;
import org.maplebridge.crisis.CrisisCommands.PageUndelivered;
import org.maplebridge.crisis.CrisisCommands.RecordContact;
import org.maplebridge.crisis.CrisisCommands.RecordSafetyPlan;
import org.maplebridge.crisis.CrisisCommands.RecordSupervisorConsult;
import org.maplebridge.crisis.CrisisCommands.RecordWhereabouts;
import org.maplebridge.crisis.CrisisCommands.ReopenCrisis;
import org.maplebridge.crisis.CrisisCommands.RescueConfirmationDue;
import org.maplebridge.crisis.CrisisCommands.ScheduleFollowUp;
import org.maplebridge.crisis.CrisisCommands.Whereabouts;
import org.maplebridge.crisis.CrisisRules.AFollowUpIsCompletedOnce;
import org.maplebridge.crisis.CrisisRules.ALevelBelowTheScreenerNeedsTheSupervisorsRationale;
import org.maplebridge.crisis.CrisisRules.AnEscalationIsAcknowledgedOnce;
import org.maplebridge.crisis.CrisisRules.CrisisWorkGoesStepByStep;
import org.maplebridge.crisis.CrisisRules.OnlyThePersonPagedOrAHigherTierAcknowledges;
import org.maplebridge.events.Actor;
import org.maplebridge.events.Role;
import org.maplebridge.events.crisis.ClosureApprovalRequested;
import org.maplebridge.events.crisis.ContactChannel;
import org.maplebridge.events.crisis.ContactRecorded;
import org.maplebridge.events.crisis.CrisisClosed;
import org.maplebridge.events.crisis.CrisisContactOpened;
import org.maplebridge.events.crisis.CrisisDeescalated;
import org.maplebridge.events.crisis.CrisisEvent;
import org.maplebridge.events.crisis.CrisisReopened;
import org.maplebridge.events.crisis.CrisisState;
import org.maplebridge.events.crisis.CrisisStep;
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
import org.maplebridge.events.crisis.RescueNotReached;
import org.maplebridge.events.crisis.RescueResult;
import org.maplebridge.events.crisis.ReturnedToAssessment;
import org.maplebridge.events.crisis.RiskAssessed;
import org.maplebridge.events.crisis.RiskLevel;
import org.maplebridge.events.crisis.SafetyPlan;
import org.maplebridge.events.crisis.SafetyPlanRecorded;
import org.maplebridge.events.crisis.SupervisorConsultRequested;
import org.maplebridge.events.crisis.SupervisorConsulted;
import org.maplebridge.events.crisis.WhereaboutsRecorded;
import org.maplebridge.events.intake.Instrument;
import org.maplebridge.events.oncall.Answering;
import org.maplebridge.intake.ScreeningScore;
import org.maplebridge.intake.ScreeningScoring;
import org.maplebridge.scope.Part;
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
  static final String SYSTEM = Answering.PLATFORM;
  static final String ESCALATION_DEADLINE = "escalation-acknowledgement";
  static final String RESCUE_DEADLINE = "rescue-confirmation";
  static final String FOLLOW_UP_DEADLINE = "follow-up-due";
  static final int FAILED_ATTEMPTS_BEFORE_LOST = 3;
  static final int RESCUE_CHECKS = 10;

  @AggregateIdentifier private UUID crisisId;
  private String unit;

  /** The facts the steps depend on, folded by the published rule the read side offers steps by. */
  private CrisisState state = CrisisState.OPENED;

  private final Map<UUID, EscalationTier> openEscalations = new HashMap<>();

  /**
   * Who escalated the open rung: its raiser, or on a rung the platform raised as the ladder
   * climbed, the human who escalated the rung it climbed from. Never theirs to acknowledge.
   */
  private String escalatedBy;

  private Instant openEscalationDeadline;
  private final Set<UUID> escalations = new HashSet<>();
  private Instant rescuedAt;
  private UUID clientId;
  private final Set<UUID> pendingFollowUps = new HashSet<>();
  private final Set<UUID> followUps = new HashSet<>();
  private int failedFollowUps;
  private int safetyPlanVersion;

  /** The level the last C-SSRS screener on the episode stands for: the floor of the next. */
  private RiskLevel screenerLevel;

  CrisisEpisode() {
    // for Axon
  }

  @CommandHandler
  CrisisEpisode(OpenCrisisContact command, Actor actor, LinkedRecords links) {
    if (actor.unit() == null) {
      throw new NotAllowed("Crisis contacts are opened for a unit");
    }
    UUID client = clientNamed(actor.unit(), command, links);
    requireLinksWithin(actor.unit(), command.intakeId(), client, links);
    apply(
        new CrisisContactOpened(
            command.crisisId(),
            command.channel(),
            command.caller(),
            client,
            command.summary(),
            actor.unit(),
            command.intakeId(),
            actor.username()));
    if (command.whereabouts() != null && !command.whereabouts().isEmpty()) {
      // While the constructor runs, the opening event is not yet applied to the fields.
      recordWhereabouts(command.crisisId(), actor.unit(), command.whereabouts(), actor);
    }
  }

  @CommandHandler
  void handle(RecordWhereabouts command, Actor actor) {
    requireCrisisStaff(actor);
    check(step(CrisisStep.RECORD_WHEREABOUTS));
    if (command.whereabouts() == null || command.whereabouts().isEmpty()) {
      throw new InvalidInput("callbackNumber", "Give a call-back number, a location or an area");
    }
    recordWhereabouts(crisisId, unit, command.whereabouts(), actor);
  }

  /** The caller's number and place are their identity: supervision (masked) does not write them. */
  private void recordWhereabouts(
      UUID episode, String episodeUnit, Whereabouts whereabouts, Actor actor) {
    boolean seesIdentity =
        ScopePolicy.decide(actor, RecordFacts.crisis(episodeUnit))
            .map(scope -> scope.mayChange(Part.IDENTITY))
            .orElse(false);
    if (!seesIdentity) {
      throw new NotAllowed(
          "Only the crisis staff who see the person record where they are",
          new TargetRecord("CRISIS", episode, episodeUnit));
    }
    apply(
        new WhereaboutsRecorded(
            episode,
            whereabouts.callbackNumber(),
            whereabouts.location(),
            whereabouts.area(),
            actor.username()));
  }

  /** The ways a person is talked with; reports and alerts about them open episodes instead. */
  private static final Set<ContactChannel> CONTACT_CHANNELS =
      EnumSet.of(
          ContactChannel.HOTLINE,
          ContactChannel.CHAT,
          ContactChannel.WALK_IN,
          ContactChannel.OUTREACH);

  @CommandHandler
  void handle(RecordContact command, Actor actor) {
    requireCrisisStaff(actor);
    check(step(CrisisStep.RECORD_CONTACT));
    if (!CONTACT_CHANNELS.contains(command.channel())) {
      throw new InvalidInput(
          "channel", "A contact is a call, a chat, a walk-in or an outreach visit");
    }
    apply(
        new ContactRecorded(
            crisisId,
            command.contactId(),
            command.channel(),
            command.startedAt(),
            command.minutes(),
            actor.username(),
            command.note()));
  }

  @CommandHandler
  void handle(AssessRisk command, Actor actor, CrisisDeadlines deadlines, DeadlineManager timer) {
    requireCrisisStaff(actor);
    check(step(CrisisStep.ASSESS_RISK));
    ScreeningScore screener =
        command.screenerAnswers() == null
            ? null
            : ScreeningScoring.score(
                Instrument.CSSRS, command.screenerAnswers(), command.recentBehaviour());
    // Without new answers, the last screener on the episode (its intake's, or an earlier
    // assessment's) still holds the level.
    RiskLevel floor = screener == null ? screenerLevel : RiskLevel.ofScreener(screener.risk());
    check(
        new ALevelBelowTheScreenerNeedsTheSupervisorsRationale(
            command.level(), floor, actor.is(Role.SUPERVISOR), command.rationale()));
    boolean below = floor != null && !command.level().isAtLeast(floor);
    apply(
        new RiskAssessed(
            crisisId,
            command.assessmentId(),
            command.level(),
            state.level(),
            screener == null ? null : screener.answers(),
            screener == null ? null : screener.recentBehaviour(),
            screener == null ? null : screener.risk(),
            command.desire(),
            command.capability(),
            command.intent(),
            command.buffers(),
            command.notes(),
            actor.username(),
            below ? command.rationale().strip() : null));
    // Imminent risk takes one step: assessing it raises the first escalation at once.
    actOnRisk(
        command.level(),
        command.level() == RiskLevel.IMMINENT,
        "Imminent risk assessed",
        actor.username(),
        deadlines,
        timer);
  }

  /**
   * An episode opened by an intake's crisis alert starts at the screening's risk, with that risk's
   * acknowledgement deadline running: nobody of the crisis team has seen the person yet, so the
   * on-call tier is asked to take it at once. An episode already assessed keeps its assessment, so
   * a redelivered alert changes nothing.
   */
  @CommandHandler
  void handle(CarryOverScreeningRisk command, CrisisDeadlines deadlines, DeadlineManager timer) {
    RiskLevel level = RiskLevel.ofScreener(command.risk());
    if (level == null || state.level() != null || state.closed()) {
      return;
    }
    apply(
        new RiskAssessed(
            crisisId,
            command.assessmentId(),
            level,
            null,
            null,
            null,
            command.risk(),
            null,
            null,
            null,
            null,
            null,
            SYSTEM,
            null));
    actOnRisk(level, true, "Crisis alert from an intake screening", SYSTEM, deadlines, timer);
  }

  /**
   * What a risk level asks for once assessed: the supervisor's consult for high risk, the first
   * escalation when asked for (and none is open), a follow-up for high or imminent risk.
   */
  private void actOnRisk(
      RiskLevel level,
      boolean escalate,
      String reason,
      String by,
      CrisisDeadlines deadlines,
      DeadlineManager timer) {
    if (level == RiskLevel.HIGH) {
      apply(new SupervisorConsultRequested(crisisId, level));
    }
    if (escalate && openEscalations.isEmpty()) {
      raiseEscalation(reason, by, deadlines, timer, GenericEventMessage.clock.instant());
    }
    if (level.isAtLeast(RiskLevel.HIGH) && pendingFollowUps.isEmpty()) {
      scheduleFollowUp(
          derivedId("follow-up", followUps.size()),
          GenericEventMessage.clock.instant().plus(deadlines.followUpWithin(level)),
          SYSTEM,
          timer);
    }
  }

  @CommandHandler
  void handle(RecordSupervisorConsult command, Actor actor) {
    requireCrisisStaff(actor);
    check(step(CrisisStep.RECORD_CONSULT));
    apply(new SupervisorConsulted(crisisId, actor.username(), command.advice()));
  }

  @CommandHandler
  UUID handle(Escalate command, Actor actor, CrisisDeadlines deadlines, DeadlineManager timer) {
    requireCrisisStaff(actor);
    check(step(CrisisStep.ESCALATE));
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
        state.tierReached() == null
            ? EscalationTier.ON_CALL_SUPERVISOR
            : state.tierReached().next();
    Instant deadline = now.plus(deadlines.acknowledgeWithin(state.level()));
    apply(new EscalationRaised(crisisId, escalationId, tier, state.level(), reason, deadline, by));
    timer.schedule(deadline, ESCALATION_DEADLINE, new EscalationDue(escalationId, deadline));
    return escalationId;
  }

  @CommandHandler
  void handle(AcknowledgeEscalation command, Actor actor, OnCallRosters roster) {
    requireCrisisStaff(actor);
    if (!escalations.contains(command.escalationId())) {
      throw new RecordNotFound("Escalation " + command.escalationId(), asTarget());
    }
    EscalationTier tier = openEscalations.get(command.escalationId());
    check(new AnEscalationIsAcknowledgedOnce(tier == null));
    check(step(CrisisStep.ACKNOWLEDGE_ESCALATION));
    Instant now = GenericEventMessage.clock.instant();
    check(
        new OnlyThePersonPagedOrAHigherTierAcknowledges(
            actor.username(),
            escalatedBy,
            Answering.paged(
                actor.username(),
                actor.is(Role.SUPERVISOR),
                tier,
                onCall -> roster.holder(unit, onCall, now))));
    apply(
        new EscalationAcknowledged(crisisId, command.escalationId(), tier, actor.username(), true));
  }

  @DeadlineHandler(deadlineName = ESCALATION_DEADLINE)
  void escalationDue(EscalationDue due, CrisisDeadlines deadlines, DeadlineManager timer) {
    climb(due.escalationId(), due.due(), "Not acknowledged in time at ", deadlines, timer);
  }

  /**
   * A page nobody could receive is as good as unanswered: the escalation climbs at once, as if its
   * deadline had passed, rather than wait out a deadline nobody knows of.
   */
  @CommandHandler
  void handle(PageUndelivered command, CrisisDeadlines deadlines, DeadlineManager timer) {
    climb(
        command.escalationId(),
        GenericEventMessage.clock.instant(),
        "Page not delivered at ",
        deadlines,
        timer);
  }

  private void climb(
      UUID escalationId, Instant at, String why, CrisisDeadlines deadlines, DeadlineManager timer) {
    EscalationTier tier = openEscalations.get(escalationId);
    if (tier == null || state.closed()) {
      return;
    }
    apply(new EscalationDeadlineMissed(crisisId, escalationId, tier, at));
    if (tier.next() != null) {
      raiseEscalation(why + tier, SYSTEM, deadlines, timer, at);
    }
  }

  @CommandHandler
  void handle(
      DispatchEmergencyServices command,
      Actor actor,
      CrisisDeadlines deadlines,
      DeadlineManager timer) {
    requireCrisisStaff(actor);
    check(step(CrisisStep.DISPATCH_EMERGENCY_SERVICES));
    Instant now = GenericEventMessage.clock.instant();
    Instant confirmBy = now.plus(deadlines.rescueConfirmation());
    apply(
        new EmergencyServicesDispatched(
            crisisId,
            command.agency(),
            command.reference(),
            command.confidentialityBreakReason(),
            confirmBy,
            actor.username(),
            command.calledAt() == null ? now : command.calledAt()));
    timer.schedule(confirmBy, RESCUE_DEADLINE, new RescueConfirmationDue(1, confirmBy));
    // The emergency-services rung is a call someone must make: recording it answers the rung,
    // timed against the rung's own deadline.
    openEscalations.entrySet().stream()
        .filter(open -> open.getValue() == EscalationTier.EMERGENCY_SERVICES)
        .map(Map.Entry::getKey)
        .findFirst()
        .ifPresent(
            rung ->
                apply(
                    new EscalationAcknowledged(
                        crisisId,
                        rung,
                        EscalationTier.EMERGENCY_SERVICES,
                        actor.username(),
                        !now.isAfter(openEscalationDeadline))));
  }

  @DeadlineHandler(deadlineName = RESCUE_DEADLINE)
  void rescueDue(RescueConfirmationDue due, CrisisDeadlines deadlines, DeadlineManager timer) {
    if (!state.rescueUnconfirmed() || state.closed()) {
      return;
    }
    boolean retry = due.attempt() < RESCUE_CHECKS;
    Instant next = due.due().plus(deadlines.rescueConfirmation());
    apply(new RescueConfirmationOverdue(crisisId, due.attempt(), retry ? next : null));
    if (state.tierReached() != EscalationTier.EMERGENCY_SERVICES) {
      raiseEscalation("Rescue not confirmed", SYSTEM, deadlines, timer, due.due());
    }
    if (retry) {
      timer.schedule(next, RESCUE_DEADLINE, new RescueConfirmationDue(due.attempt() + 1, next));
    }
  }

  @CommandHandler
  void handle(ConfirmRescue command, Actor actor) {
    requireCrisisStaff(actor);
    check(step(CrisisStep.CONFIRM_RESCUE));
    // Not found, or refused: the rescue is not over, so its deadline keeps chasing it.
    if (command.result() != null && command.result() != RescueResult.REACHED) {
      apply(new RescueNotReached(crisisId, command.result(), command.outcome(), actor.username()));
      return;
    }
    apply(new RescueConfirmed(crisisId, command.outcome(), actor.username()));
  }

  @CommandHandler
  void handle(Deescalate command, Actor actor) {
    requireCrisisStaff(actor);
    check(step(CrisisStep.DEESCALATE));
    apply(new CrisisDeescalated(crisisId, command.notes(), actor.username()));
  }

  @CommandHandler
  void handle(RecordSafetyPlan command, Actor actor) {
    requireCrisisStaff(actor);
    check(step(CrisisStep.RECORD_SAFETY_PLAN));
    if (isEmpty(command.plan())) {
      throw new InvalidInput("plan", "A safety plan with every step empty plans nothing");
    }
    if (command.plan().meansAgreed() != null
        && command.plan().meansAgreed().stream()
            .anyMatch(means -> isBlank(means.means()) || isBlank(means.agreed()))) {
      throw new InvalidInput(
          "meansAgreed", "Name each means and what was agreed to keep it out of reach");
    }
    apply(
        new SafetyPlanRecorded(crisisId, safetyPlanVersion + 1, command.plan(), actor.username()));
  }

  private static boolean isEmpty(SafetyPlan plan) {
    return Stream.of(
            plan.warningSigns(),
            plan.internalCopingStrategies(),
            plan.peopleAndPlacesForDistraction(),
            plan.peopleToAskForHelp(),
            plan.professionalsAndAgencies(),
            plan.makingTheEnvironmentSafe(),
            plan.reasonsForLiving(),
            plan.meansAgreed())
        .allMatch(step -> step == null || step.isEmpty());
  }

  private static boolean isBlank(String text) {
    return text == null || text.isBlank();
  }

  @CommandHandler
  void handle(ScheduleFollowUp command, Actor actor, DeadlineManager timer) {
    requireCrisisStaff(actor);
    check(step(CrisisStep.SCHEDULE_FOLLOW_UP));
    scheduleFollowUp(command.followUpId(), command.dueAt(), actor.username(), timer);
  }

  private void scheduleFollowUp(UUID followUpId, Instant dueAt, String by, DeadlineManager timer) {
    apply(new FollowUpScheduled(crisisId, followUpId, dueAt, by));
    timer.schedule(dueAt, FOLLOW_UP_DEADLINE, new FollowUpDue(followUpId, dueAt));
  }

  @DeadlineHandler(deadlineName = FOLLOW_UP_DEADLINE)
  void followUpDue(FollowUpDue due) {
    if (pendingFollowUps.contains(due.followUpId()) && !state.closed()) {
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
    check(step(CrisisStep.COMPLETE_FOLLOW_UP));
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
    RiskLevel before = state.level();
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
    // The supervisor's close of an episode waiting for approval is the approval.
    boolean approving = actor.is(Role.SUPERVISOR) && state.closurePending();
    check(step(approving ? CrisisStep.APPROVE_CLOSURE : CrisisStep.CLOSE));
    boolean needsApproval =
        state.highestLevel() != null && state.highestLevel().isAtLeast(RiskLevel.HIGH);
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
    check(step(CrisisStep.REOPEN));
    apply(new CrisisReopened(crisisId, command.reason(), actor.username()));
  }

  /**
   * An episode names only an intake and a client of its own unit, and the intake's own client: a
   * link elsewhere would open another unit's person to this unit's crisis staff.
   */
  /** The returning person the contact names, by id or by the reference they gave; or nobody. */
  private static UUID clientNamed(String unit, OpenCrisisContact command, LinkedRecords links) {
    if (command.clientReference() == null) {
      return command.clientId();
    }
    UUID found =
        links
            .clientOfUnit(command.clientReference(), unit)
            .orElseThrow(
                () ->
                    new InvalidInput(
                        "clientReference", "No client of your unit with this reference"));
    if (command.clientId() != null && !command.clientId().equals(found)) {
      throw new InvalidInput("clientReference", "The reference names another client");
    }
    return found;
  }

  private static void requireLinksWithin(
      String unit, UUID intakeId, UUID clientId, LinkedRecords links) {
    if (intakeId != null) {
      SourceFacts intake =
          links
              .intake(intakeId)
              .filter(facts -> unit.equals(facts.unit()))
              .orElseThrow(() -> new InvalidInput("intakeId", "No such intake in your unit"));
      if (clientId != null && !clientId.equals(intake.clientId())) {
        throw new InvalidInput("clientId", "The intake is about another client");
      }
    }
    if (clientId != null && !links.unitOfClient(clientId).map(unit::equals).orElse(false)) {
      throw new InvalidInput("clientId", "No such client in your unit");
    }
  }

  SourceFacts referralFacts() {
    return new SourceFacts(clientId, unit, Set.of(), false, rescuedAt);
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

  private CrisisWorkGoesStepByStep step(CrisisStep step) {
    return new CrisisWorkGoesStepByStep(step, state);
  }

  /**
   * One handler for every event: the published fold moves the state, then the aggregate keeps the
   * facts only it needs (which escalation and follow-up ids exist and wait, the plan's version).
   */
  @EventSourcingHandler
  void on(CrisisEvent event, @Timestamp Instant at) {
    state = state.after(event);
    if (event instanceof CrisisContactOpened opened) {
      crisisId = opened.crisisId();
      unit = opened.unit();
      clientId = opened.clientId();
    } else if (event instanceof RiskAssessed assessed && assessed.screenerRisk() != null) {
      screenerLevel = RiskLevel.ofScreener(assessed.screenerRisk());
    } else if (event instanceof EscalationRaised raised) {
      escalations.add(raised.escalationId());
      openEscalations.clear();
      openEscalations.put(raised.escalationId(), raised.tier());
      escalatedBy = Answering.escalatedBy(escalatedBy, raised.raisedBy());
      openEscalationDeadline = raised.deadline();
    } else if (event instanceof EscalationAcknowledged acknowledged) {
      openEscalations.remove(acknowledged.escalationId());
      // Answered: whoever escalated next starts a chain of their own.
      escalatedBy = null;
    } else if (event instanceof EscalationDeadlineMissed missed) {
      openEscalations.remove(missed.escalationId());
    } else if (event instanceof EmergencyServicesDispatched dispatched) {
      // Events from before the call's time was asked: when it was recorded.
      rescuedAt = dispatched.calledAt() == null ? at : dispatched.calledAt();
    } else if (event instanceof SafetyPlanRecorded plan) {
      safetyPlanVersion = plan.version();
    } else if (event instanceof FollowUpScheduled scheduled) {
      followUps.add(scheduled.followUpId());
      pendingFollowUps.add(scheduled.followUpId());
    } else if (event instanceof FollowUpAttemptFailed failed) {
      failedFollowUps = failed.attempt();
    } else if (event instanceof FollowUpCompleted completed) {
      pendingFollowUps.remove(completed.followUpId());
      // Lost to follow-up means three failed attempts in a row: reaching the person starts over.
      failedFollowUps = 0;
    }
  }
}
