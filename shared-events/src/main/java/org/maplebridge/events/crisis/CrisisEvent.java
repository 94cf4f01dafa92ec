package org.maplebridge.events.crisis;

import java.util.UUID;
import org.maplebridge.events.OfRecord;

/** Everything that happens in a crisis episode. */
public sealed interface CrisisEvent extends OfRecord
    permits CrisisContactOpened,
        WhereaboutsRecorded,
        ContactRecorded,
        RiskAssessed,
        SupervisorConsultRequested,
        SupervisorConsulted,
        EscalationRaised,
        EscalationAcknowledged,
        EscalationDeadlineMissed,
        EmergencyServicesDispatched,
        RescueConfirmationOverdue,
        RescueConfirmed,
        RescueNotReached,
        CrisisDeescalated,
        SafetyPlanRecorded,
        FollowUpScheduled,
        FollowUpAttemptFailed,
        FollowUpCompleted,
        FollowUpOverdue,
        LostToFollowUp,
        ReturnedToAssessment,
        ClosureApprovalRequested,
        CrisisClosed,
        CrisisReopened {

  UUID crisisId();

  @Override
  default UUID recordId() {
    return crisisId();
  }
}
