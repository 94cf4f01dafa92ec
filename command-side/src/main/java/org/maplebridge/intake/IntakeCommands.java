package org.maplebridge.intake;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.maplebridge.events.client.ClientIdentity;
import org.maplebridge.events.client.PopulationGroup;
import org.maplebridge.events.intake.ClosureReason;
import org.maplebridge.events.intake.ConsentGiver;
import org.maplebridge.events.intake.ConsentMethod;
import org.maplebridge.events.intake.ConsentScope;
import org.maplebridge.events.intake.Instrument;
import org.maplebridge.events.intake.IntakeSource;
import org.maplebridge.events.intake.Urgency;

/** The commands of the counselling intake. Who issues them travels in the metadata. */
final class IntakeCommands {
  private IntakeCommands() {}

  /** Take a person in: a new client ({@code client}) or one already known ({@code clientId}). */
  record OpenIntake(
      UUID intakeId,
      ClientIdentity client,
      UUID clientId,
      IntakeSource source,
      String concern,
      Urgency urgency,
      Set<PopulationGroup> populationGroups,
      String gridArea) {}

  record RecordConsent(
      @TargetAggregateIdentifier UUID intakeId,
      ConsentScope scope,
      ConsentGiver givenBy,
      ConsentMethod method) {}

  record WithdrawConsent(@TargetAggregateIdentifier UUID intakeId, ConsentScope scope) {}

  record RecordScreening(
      @TargetAggregateIdentifier UUID intakeId,
      UUID screeningId,
      Instrument instrument,
      List<?> answers,
      Boolean recentBehaviour) {}

  record TriageIntake(
      @TargetAggregateIdentifier UUID intakeId, Urgency priority, String rationale) {}

  record AssignCounsellor(@TargetAggregateIdentifier UUID intakeId, String counsellor) {}

  record AddCareTeamMember(@TargetAggregateIdentifier UUID intakeId, String member) {}

  record AddSessionNote(@TargetAggregateIdentifier UUID intakeId, UUID noteId, String text) {}

  record CloseIntake(
      @TargetAggregateIdentifier UUID intakeId, ClosureReason reason, String summary) {}

  record ReopenIntake(@TargetAggregateIdentifier UUID intakeId, String reason) {}
}
