package org.maplebridge.privacy;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.maplebridge.write.Authority.PRIVACY_OFFICER;
import static org.maplebridge.write.BusinessRule.check;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.maplebridge.events.Actor;
import org.maplebridge.events.privacy.ErasureBasis;
import org.maplebridge.events.privacy.LegalHoldLifted;
import org.maplebridge.events.privacy.LegalHoldPlaced;
import org.maplebridge.events.privacy.PersonErased;
import org.maplebridge.privacy.PersonRecords.Kept;
import org.maplebridge.privacy.PrivacyRules.AHeldPersonIsKept;
import org.maplebridge.privacy.PrivacyRules.AnErasedPersonIsGone;
import org.maplebridge.privacy.PrivacyRules.EarlyErasureNeedsARequest;
import org.maplebridge.privacy.PrivacyRules.OnlyAHoldInForceIsLifted;
import org.maplebridge.write.InvalidInput;
import org.maplebridge.write.RecordNotFound;
import org.springframework.security.access.annotation.Secured;

/**
 * What the privacy officer decides about a person's records as a whole: legal holds, and the
 * erasure that ends them. The person is a client, or an anonymous crisis caller (their episode).
 * Whether the person is due comes from the write side's own record of their records ({@link
 * PersonRecords}) at the moment of the command.
 */
@Aggregate
class PersonalRecords {

  /** A person's privacy record; its id keeps it apart from the person's own records. */
  static String idOf(UUID personId) {
    return "person:" + personId;
  }

  @Secured(PRIVACY_OFFICER)
  record PlaceLegalHold(
      @TargetAggregateIdentifier String id, UUID personId, String reason, Instant until) {}

  @Secured(PRIVACY_OFFICER)
  record LiftLegalHold(@TargetAggregateIdentifier String id, UUID personId, String reason) {}

  @Secured(PRIVACY_OFFICER)
  record ErasePerson(
      @TargetAggregateIdentifier String id,
      UUID personId,
      String reason,
      String requestReference) {}

  @AggregateIdentifier private String id;
  private Instant heldUntil;
  private boolean held;
  private boolean erased;

  PersonalRecords() {
    // for Axon, and for a person's first hold or erasure
  }

  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  void handle(PlaceLegalHold command, Actor actor, PersonRecords records, RetentionSettings clock) {
    requireKnown(command.personId(), records);
    check(new AnErasedPersonIsGone(erased));
    if (command.until() != null && !command.until().isAfter(clock.now())) {
      throw new InvalidInput("until", "A hold ends in the future (or leave it open)");
    }
    apply(
        new LegalHoldPlaced(
            command.personId(), command.reason(), command.until(), actor.username()));
  }

  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  void handle(LiftLegalHold command, Actor actor, PersonRecords records, RetentionSettings clock) {
    requireKnown(command.personId(), records);
    check(new OnlyAHoldInForceIsLifted(holds(clock.now())));
    apply(new LegalHoldLifted(command.personId(), command.reason(), actor.username()));
  }

  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  void handle(ErasePerson command, Actor actor, PersonRecords records, RetentionSettings settings) {
    List<Kept> kept = requireKnown(command.personId(), records);
    check(new AnErasedPersonIsGone(erased));
    Instant now = settings.now();
    check(new AHeldPersonIsKept(holds(now), heldUntil));
    boolean due = settings.dueSince(kept).filter(since -> !since.isAfter(now)).isPresent();
    check(new EarlyErasureNeedsARequest(due, command.requestReference()));
    apply(
        new PersonErased(
            command.personId(),
            kept.stream().map(Kept::recordId).toList(),
            due ? ErasureBasis.RETENTION_ENDED : ErasureBasis.REQUEST,
            command.reason(),
            command.requestReference(),
            actor.username()));
  }

  private static List<Kept> requireKnown(UUID personId, PersonRecords records) {
    List<Kept> kept = records.of(personId);
    if (kept.isEmpty()) {
      throw new RecordNotFound("Person");
    }
    return kept;
  }

  private boolean holds(Instant now) {
    return held && (heldUntil == null || heldUntil.isAfter(now));
  }

  @EventSourcingHandler
  void on(LegalHoldPlaced event) {
    id = idOf(event.personId());
    held = true;
    heldUntil = event.until();
  }

  @EventSourcingHandler
  void on(LegalHoldLifted event) {
    id = idOf(event.personId());
    held = false;
    heldUntil = null;
  }

  @EventSourcingHandler
  void on(PersonErased event) {
    id = idOf(event.personId());
    erased = true;
  }
}
