package org.maplebridge.crisis;

import static org.maplebridge.write.Authority.COUNSELLOR;
import static org.maplebridge.write.Authority.CRISIS_WORKER;
import static org.maplebridge.write.Authority.SUPERVISOR;
import static org.maplebridge.write.Authority.SYSTEM;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.maplebridge.events.crisis.Caller;
import org.maplebridge.events.crisis.ContactChannel;
import org.maplebridge.events.crisis.CrisisClosureReason;
import org.maplebridge.events.crisis.EmergencyAgency;
import org.maplebridge.events.crisis.RescueResult;
import org.maplebridge.events.crisis.RiskLevel;
import org.maplebridge.events.crisis.SafetyPlan;
import org.maplebridge.events.intake.SuicideRisk;
import org.springframework.security.access.annotation.Secured;

/** The commands of crisis intervention. Who issues them travels in the metadata. */
public final class CrisisCommands {
  private CrisisCommands() {}

  /**
   * A crisis reaches the unit; {@code whereabouts}, when the caller gave them, are recorded with
   * the contact. A returning person is named by {@code clientId} or by the {@code clientReference}
   * they give, a client of the unit either way.
   */
  @Secured({COUNSELLOR, CRISIS_WORKER, SUPERVISOR, SYSTEM})
  public record OpenCrisisContact(
      UUID crisisId,
      ContactChannel channel,
      Caller caller,
      UUID clientId,
      String summary,
      UUID intakeId,
      Whereabouts whereabouts,
      String clientReference) {

    public OpenCrisisContact(
        UUID crisisId,
        ContactChannel channel,
        Caller caller,
        UUID clientId,
        String summary,
        UUID intakeId,
        Whereabouts whereabouts) {
      this(crisisId, channel, caller, clientId, summary, intakeId, whereabouts, null);
    }

    public OpenCrisisContact(
        UUID crisisId,
        ContactChannel channel,
        Caller caller,
        UUID clientId,
        String summary,
        UUID intakeId) {
      this(crisisId, channel, caller, clientId, summary, intakeId, null, null);
    }
  }

  /** A number to call back, where the person is (free text) and optionally the area. */
  public record Whereabouts(String callbackNumber, String location, String area) {

    boolean isEmpty() {
      return callbackNumber == null && location == null && area == null;
    }
  }

  @Secured({CRISIS_WORKER, SUPERVISOR})
  record RecordWhereabouts(@TargetAggregateIdentifier UUID crisisId, Whereabouts whereabouts) {}

  /** A call, chat or visit with the person, taken by whoever records it. */
  @Secured({CRISIS_WORKER, SUPERVISOR})
  record RecordContact(
      @TargetAggregateIdentifier UUID crisisId,
      UUID contactId,
      ContactChannel channel,
      Instant startedAt,
      int minutes,
      String note) {}

  @Secured({CRISIS_WORKER, SUPERVISOR})
  record AssessRisk(
      @TargetAggregateIdentifier UUID crisisId,
      UUID assessmentId,
      RiskLevel level,
      List<?> screenerAnswers,
      Boolean recentBehaviour,
      Boolean desire,
      Boolean capability,
      Boolean intent,
      String buffers,
      String notes,
      String rationale) {}

  /**
   * The risk a screening found comes with the episode its crisis alert opened: the platform carries
   * it over, so the episode starts at that level with its acknowledgement deadline.
   */
  @Secured({SYSTEM})
  public record CarryOverScreeningRisk(
      @TargetAggregateIdentifier UUID crisisId, UUID assessmentId, SuicideRisk risk) {}

  /** The platform could deliver the page of an escalation to nobody, on any channel. */
  @Secured({SYSTEM})
  public record PageUndelivered(@TargetAggregateIdentifier UUID crisisId, UUID escalationId) {}

  @Secured({SUPERVISOR})
  record RecordSupervisorConsult(@TargetAggregateIdentifier UUID crisisId, String advice) {}

  @Secured({CRISIS_WORKER, SUPERVISOR})
  record Escalate(@TargetAggregateIdentifier UUID crisisId, UUID escalationId, String reason) {}

  @Secured({CRISIS_WORKER, SUPERVISOR})
  record AcknowledgeEscalation(@TargetAggregateIdentifier UUID crisisId, UUID escalationId) {}

  @Secured({CRISIS_WORKER, SUPERVISOR})
  record DispatchEmergencyServices(
      @TargetAggregateIdentifier UUID crisisId,
      EmergencyAgency agency,
      String reference,
      String confidentialityBreakReason,
      Instant calledAt) {}

  @Secured({CRISIS_WORKER, SUPERVISOR})
  record ConfirmRescue(
      @TargetAggregateIdentifier UUID crisisId, RescueResult result, String outcome) {}

  @Secured({CRISIS_WORKER, SUPERVISOR})
  record Deescalate(@TargetAggregateIdentifier UUID crisisId, String notes) {}

  @Secured({CRISIS_WORKER, SUPERVISOR})
  record RecordSafetyPlan(@TargetAggregateIdentifier UUID crisisId, SafetyPlan plan) {}

  @Secured({CRISIS_WORKER, SUPERVISOR})
  record ScheduleFollowUp(
      @TargetAggregateIdentifier UUID crisisId, UUID followUpId, Instant dueAt) {}

  @Secured({CRISIS_WORKER, SUPERVISOR})
  record CompleteFollowUp(
      @TargetAggregateIdentifier UUID crisisId,
      UUID followUpId,
      boolean reached,
      RiskLevel level,
      String notes) {}

  @Secured({CRISIS_WORKER, SUPERVISOR})
  record CloseCrisis(
      @TargetAggregateIdentifier UUID crisisId, CrisisClosureReason reason, String summary) {}

  @Secured({CRISIS_WORKER, SUPERVISOR})
  record ReopenCrisis(@TargetAggregateIdentifier UUID crisisId, String reason) {}

  /** Deadline payloads; each carries the moment it was due, so what follows is timed from it. */
  record EscalationDue(UUID escalationId, Instant due) {}

  record RescueConfirmationDue(int attempt, Instant due) {}

  record FollowUpDue(UUID followUpId, Instant due) {}
}
