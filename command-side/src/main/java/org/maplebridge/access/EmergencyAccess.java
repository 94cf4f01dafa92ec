package org.maplebridge.access;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.maplebridge.write.Authority.CRISIS_WORKER;
import static org.maplebridge.write.Authority.PRIVACY_OFFICER;
import static org.maplebridge.write.Authority.SUPERVISOR;
import static org.maplebridge.write.BusinessRule.check;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.maplebridge.access.EmergencyAccessRules.AGrantIsReviewedOnce;
import org.maplebridge.events.Actor;
import org.maplebridge.events.Role;
import org.maplebridge.events.access.EmergencyAccessExpired;
import org.maplebridge.events.access.EmergencyAccessGranted;
import org.maplebridge.events.access.EmergencyAccessReviewed;
import org.maplebridge.scope.ScopePolicy;
import org.maplebridge.write.AggregateCaching;
import org.maplebridge.write.ExpectedVersionFromMetadata;
import org.maplebridge.write.NotAllowed;
import org.maplebridge.write.RecordNotFound;
import org.maplebridge.write.TargetRecord;
import org.springframework.security.access.annotation.Secured;

/**
 * Break the glass: a crisis worker or supervisor states a reason and gets time-limited access to
 * one record of the unit. Never refused for being frequent; the grant, its expiry and its one
 * review are events. The review is someone else's act: a crisis worker's grant is reviewed by the
 * unit's supervisor, a supervisor's by the privacy officer ({@link
 * ScopePolicy#reviewsEmergencyAccess}).
 */
@Aggregate(
    commandTargetResolver = ExpectedVersionFromMetadata.BEAN,
    cache = AggregateCaching.GRANTS)
class EmergencyAccess {
  static final String EXPIRY = "emergency-access-expiry";

  @Secured({CRISIS_WORKER, SUPERVISOR})
  record BreakTheGlass(UUID grantId, UUID recordId, String reason) {}

  @Secured({SUPERVISOR, PRIVACY_OFFICER})
  record ReviewEmergencyAccess(@TargetAggregateIdentifier UUID grantId, String finding) {}

  /** Which unit a record belongs to, and of which type it is. */
  interface Records {
    Optional<RecordRef> find(UUID recordId);
  }

  record RecordRef(String type, String unit) {}

  @AggregateIdentifier private UUID grantId;
  private String unit;
  private String grantee;
  private Role granteeRole;
  private boolean expired;
  private String reviewedBy;

  EmergencyAccess() {
    // for Axon
  }

  @CommandHandler
  EmergencyAccess(
      BreakTheGlass command,
      Actor actor,
      Records records,
      EmergencyAccessSettings settings,
      DeadlineManager timer) {
    Optional<RecordRef> found = records.find(command.recordId());
    RecordRef record =
        found
            .filter(inReach -> actor.worksIn(inReach.unit()))
            .orElseThrow(
                () ->
                    new RecordNotFound(
                        "Record " + command.recordId(),
                        new TargetRecord(
                            found.map(RecordRef::type).orElse(null),
                            command.recordId(),
                            found.map(RecordRef::unit).orElse(null))));
    Duration lasts = settings.duration();
    Instant expiresAt = GenericEventMessage.clock.instant().plus(lasts);
    apply(
        new EmergencyAccessGranted(
            command.grantId(),
            record.type(),
            command.recordId(),
            record.unit(),
            actor.username(),
            actor.role().name(),
            command.reason(),
            expiresAt));
    timer.schedule(expiresAt, EXPIRY, command.grantId());
  }

  @DeadlineHandler(deadlineName = EXPIRY)
  void expire() {
    if (!expired) {
      apply(new EmergencyAccessExpired(grantId));
    }
  }

  /**
   * A grant exists for the supervisors of its unit and for the privacy officer; of those, only its
   * reviewer reviews it (403 for the others, the grantee first), and only once (409 after).
   */
  @CommandHandler
  void handle(ReviewEmergencyAccess command, Actor actor) {
    if (!actor.is(Role.PRIVACY_OFFICER) && !actor.worksIn(unit)) {
      throw new RecordNotFound(
          "Emergency access " + grantId, new TargetRecord("EMERGENCY_ACCESS", grantId, unit));
    }
    if (actor.username().equals(grantee)) {
      throw new NotAllowed("No one reviews their own emergency access");
    }
    if (!ScopePolicy.reviewsEmergencyAccess(actor, grantee, granteeRole, unit)) {
      throw new NotAllowed(
          ScopePolicy.emergencyAccessReviewer(granteeRole) == Role.PRIVACY_OFFICER
              ? "A supervisor's emergency access is reviewed by the privacy officer"
              : "This emergency access is reviewed by the supervisor of its unit");
    }
    check(new AGrantIsReviewedOnce(reviewedBy));
    apply(new EmergencyAccessReviewed(grantId, actor.username(), command.finding()));
  }

  @EventSourcingHandler
  void on(EmergencyAccessGranted event) {
    grantId = event.grantId();
    unit = event.recordUnit();
    grantee = event.viewer();
    granteeRole = Role.valueOf(event.viewerRole());
  }

  @EventSourcingHandler
  void on(EmergencyAccessReviewed event) {
    reviewedBy = event.reviewer();
  }

  @EventSourcingHandler
  void on(EmergencyAccessExpired event) {
    expired = true;
  }
}
