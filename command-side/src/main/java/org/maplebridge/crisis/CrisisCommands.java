package org.maplebridge.crisis;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.maplebridge.events.crisis.Caller;
import org.maplebridge.events.crisis.ContactChannel;
import org.maplebridge.events.crisis.CrisisClosureReason;
import org.maplebridge.events.crisis.EmergencyAgency;
import org.maplebridge.events.crisis.RiskLevel;
import org.maplebridge.events.crisis.SafetyPlan;

/** The commands of crisis intervention. Who issues them travels in the metadata. */
public final class CrisisCommands {
  private CrisisCommands() {}

  public record OpenCrisisContact(
      UUID crisisId,
      ContactChannel channel,
      Caller caller,
      UUID clientId,
      String summary,
      UUID intakeId) {}

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
      String notes) {}

  record RecordSupervisorConsult(@TargetAggregateIdentifier UUID crisisId, String advice) {}

  record Escalate(@TargetAggregateIdentifier UUID crisisId, UUID escalationId, String reason) {}

  record AcknowledgeEscalation(@TargetAggregateIdentifier UUID crisisId, UUID escalationId) {}

  record DispatchEmergencyServices(
      @TargetAggregateIdentifier UUID crisisId,
      EmergencyAgency agency,
      String reference,
      String confidentialityBreakReason) {}

  record ConfirmRescue(@TargetAggregateIdentifier UUID crisisId, String outcome) {}

  record Deescalate(@TargetAggregateIdentifier UUID crisisId, String notes) {}

  record RecordSafetyPlan(@TargetAggregateIdentifier UUID crisisId, SafetyPlan plan) {}

  record ScheduleFollowUp(
      @TargetAggregateIdentifier UUID crisisId, UUID followUpId, Instant dueAt) {}

  record CompleteFollowUp(
      @TargetAggregateIdentifier UUID crisisId,
      UUID followUpId,
      boolean reached,
      RiskLevel level,
      String notes) {}

  record CloseCrisis(
      @TargetAggregateIdentifier UUID crisisId, CrisisClosureReason reason, String summary) {}

  record ReopenCrisis(@TargetAggregateIdentifier UUID crisisId, String reason) {}

  /** Deadline payloads; each carries the moment it was due, so what follows is timed from it. */
  record EscalationDue(UUID escalationId, Instant due) {}

  record RescueConfirmationDue(int attempt, Instant due) {}

  record FollowUpDue(UUID followUpId, Instant due) {}
}
