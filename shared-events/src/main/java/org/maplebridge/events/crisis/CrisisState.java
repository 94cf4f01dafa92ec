package org.maplebridge.events.crisis;

/**
 * The facts of a crisis episode its steps depend on, folded from its events ({@link
 * #after(CrisisEvent)}). The aggregate keeps one to check its steps ({@link CrisisStep}); the read
 * side rebuilds one from its projected columns to tell each viewer the steps possible now.
 *
 * @param escalationWaiting an escalation is raised and neither acknowledged nor missed
 * @param pendingFollowUps follow-ups scheduled and not yet done (a failed attempt leaves it
 *     pending)
 * @param consultRequested high risk asked for the supervisor's consult, not yet given
 */
public record CrisisState(
    RiskLevel level,
    RiskLevel highestLevel,
    EscalationTier tierReached,
    boolean escalationWaiting,
    boolean rescueUnconfirmed,
    int pendingFollowUps,
    boolean lostToFollowUp,
    boolean consultRequested,
    boolean closurePending,
    boolean closed) {

  /** A contact just opened: nothing assessed, nothing raised. */
  public static final CrisisState OPENED =
      new CrisisState(null, null, null, false, false, 0, false, false, false, false);

  /** The most pressing fact first: closed, then waiting for approval, lost, rescue, escalated. */
  public CrisisStatus status() {
    if (closed) {
      return CrisisStatus.CLOSED;
    }
    if (closurePending) {
      return CrisisStatus.AWAITING_CLOSURE_APPROVAL;
    }
    if (lostToFollowUp) {
      return CrisisStatus.LOST_TO_FOLLOW_UP;
    }
    if (rescueUnconfirmed) {
      return CrisisStatus.RESCUE_UNCONFIRMED;
    }
    if (tierReached != null) {
      return CrisisStatus.ESCALATED;
    }
    return level == null ? CrisisStatus.IDENTIFIED : CrisisStatus.ASSESSED;
  }

  /** The episode after this event; events that change none of these facts leave it as it is. */
  public CrisisState after(CrisisEvent event) {
    if (event instanceof RiskAssessed assessed) {
      // A screener triage above the chosen level is risk the episode has had: closing it goes by
      // that, even when the supervisor agreed to work at a lower level.
      return assessedAt(
          assessed.level(),
          RiskLevel.higher(assessed.level(), RiskLevel.ofScreener(assessed.screenerRisk())));
    }
    if (event instanceof ReturnedToAssessment returned) {
      return assessedAt(returned.to(), returned.to());
    }
    if (event instanceof EscalationRaised raised) {
      return escalation(raised.tier(), true);
    }
    if (event instanceof EscalationAcknowledged || event instanceof EscalationDeadlineMissed) {
      return escalation(tierReached, false);
    }
    if (event instanceof EmergencyServicesDispatched || event instanceof RescueConfirmed) {
      return following(
          event instanceof EmergencyServicesDispatched, pendingFollowUps, lostToFollowUp);
    }
    if (event instanceof FollowUpScheduled || event instanceof FollowUpCompleted) {
      return following(
          rescueUnconfirmed,
          pendingFollowUps + (event instanceof FollowUpScheduled ? 1 : -1),
          lostToFollowUp);
    }
    if (event instanceof LostToFollowUp) {
      return following(rescueUnconfirmed, pendingFollowUps, true);
    }
    if (event instanceof SupervisorConsultRequested || event instanceof SupervisorConsulted) {
      return ending(event instanceof SupervisorConsultRequested, closurePending, closed);
    }
    if (event instanceof ClosureApprovalRequested) {
      return ending(consultRequested, true, closed);
    }
    if (event instanceof CrisisClosed || event instanceof CrisisReopened) {
      return ending(consultRequested, false, event instanceof CrisisClosed);
    }
    return this;
  }

  private CrisisState assessedAt(RiskLevel reached, RiskLevel shown) {
    return new CrisisState(
        reached,
        RiskLevel.higher(highestLevel, shown),
        tierReached,
        escalationWaiting,
        rescueUnconfirmed,
        pendingFollowUps,
        lostToFollowUp,
        consultRequested,
        closurePending,
        closed);
  }

  private CrisisState escalation(EscalationTier tier, boolean waiting) {
    return new CrisisState(
        level,
        highestLevel,
        tier,
        waiting,
        rescueUnconfirmed,
        pendingFollowUps,
        lostToFollowUp,
        consultRequested,
        closurePending,
        closed);
  }

  private CrisisState following(boolean rescue, int followUps, boolean lost) {
    return new CrisisState(
        level,
        highestLevel,
        tierReached,
        escalationWaiting,
        rescue,
        followUps,
        lost,
        consultRequested,
        closurePending,
        closed);
  }

  private CrisisState ending(boolean consult, boolean pendingClosure, boolean isClosed) {
    return new CrisisState(
        level,
        highestLevel,
        tierReached,
        escalationWaiting,
        rescueUnconfirmed,
        pendingFollowUps,
        lostToFollowUp,
        consult,
        pendingClosure,
        isClosed);
  }
}
