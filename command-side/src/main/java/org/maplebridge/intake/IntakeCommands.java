package org.maplebridge.intake;

import static org.maplebridge.write.Authority.COUNSELLOR;
import static org.maplebridge.write.Authority.CRISIS_WORKER;
import static org.maplebridge.write.Authority.SUPERVISOR;

import java.time.LocalDate;
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
import org.maplebridge.events.intake.SharingTerms;
import org.maplebridge.events.intake.Urgency;
import org.springframework.security.access.annotation.Secured;

/** The commands of the counselling intake. Who issues them travels in the metadata. */
final class IntakeCommands {
  private IntakeCommands() {}

  /** Take a person in: a new client ({@code client}) or one already known ({@code returning}). */
  @Secured({COUNSELLOR, SUPERVISOR})
  record OpenIntake(
      UUID intakeId,
      ClientIdentity client,
      ReturningClient returning,
      IntakeSource source,
      String concern,
      Urgency urgency,
      Set<PopulationGroup> populationGroups,
      String gridArea) {}

  @Secured({COUNSELLOR, CRISIS_WORKER, SUPERVISOR})
  /** {@code sharing}: to whom and for what, for consent to share; null: any referral recipient. */
  record RecordConsent(
      @TargetAggregateIdentifier UUID intakeId,
      ConsentScope scope,
      ConsentGiver givenBy,
      ConsentMethod method,
      SharingTerms sharing) {

    RecordConsent(UUID intakeId, ConsentScope scope, ConsentGiver givenBy, ConsentMethod method) {
      this(intakeId, scope, givenBy, method, null);
    }
  }

  @Secured({COUNSELLOR, CRISIS_WORKER, SUPERVISOR})
  record WithdrawConsent(@TargetAggregateIdentifier UUID intakeId, ConsentScope scope) {}

  @Secured({COUNSELLOR, CRISIS_WORKER, SUPERVISOR})
  record RecordScreening(
      @TargetAggregateIdentifier UUID intakeId,
      UUID screeningId,
      Instrument instrument,
      List<?> answers,
      Boolean recentBehaviour) {}

  @Secured({COUNSELLOR, CRISIS_WORKER, SUPERVISOR})
  record TriageIntake(
      @TargetAggregateIdentifier UUID intakeId, Urgency priority, String rationale) {}

  /**
   * The care team did the clinician's review a moderate C-SSRS asked for: what they found and the
   * safety precautions taken.
   */
  @Secured({COUNSELLOR, CRISIS_WORKER, SUPERVISOR})
  record CompleteClinicalReview(@TargetAggregateIdentifier UUID intakeId, String outcome) {}

  /**
   * A client already known, by id or reference, with their birth date as proof unless the one
   * taking them in already cares for them.
   */
  record ReturningClient(UUID clientId, String reference, LocalDate birthDate) {}

  /** The previous counsellor leaves the care team unless {@code keepPrevious}. */
  @Secured({COUNSELLOR, CRISIS_WORKER, SUPERVISOR})
  record AssignCounsellor(
      @TargetAggregateIdentifier UUID intakeId, String counsellor, boolean keepPrevious) {}

  @Secured({COUNSELLOR, CRISIS_WORKER, SUPERVISOR})
  record AddCareTeamMember(@TargetAggregateIdentifier UUID intakeId, String member) {}

  @Secured({COUNSELLOR, CRISIS_WORKER, SUPERVISOR})
  record RemoveCareTeamMember(@TargetAggregateIdentifier UUID intakeId, String member) {}

  @Secured({COUNSELLOR, CRISIS_WORKER, SUPERVISOR})
  record AddSessionNote(@TargetAggregateIdentifier UUID intakeId, UUID noteId, String text) {}

  @Secured({COUNSELLOR, CRISIS_WORKER, SUPERVISOR})
  record CloseIntake(
      @TargetAggregateIdentifier UUID intakeId, ClosureReason reason, String summary) {}

  @Secured({COUNSELLOR, CRISIS_WORKER, SUPERVISOR})
  record ReopenIntake(@TargetAggregateIdentifier UUID intakeId, String reason) {}
}
