package org.maplebridge.intake;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.maplebridge.write.Authority.SUPERVISOR;
import static org.maplebridge.write.BusinessRule.check;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.maplebridge.events.Actor;
import org.maplebridge.events.Role;
import org.maplebridge.events.client.ClientsMerged;
import org.maplebridge.intake.ClientMergeRules.AClientIsMergedOnce;
import org.maplebridge.intake.ClientMergeRules.AClientIsNotMergedIntoItself;
import org.maplebridge.intake.ClientMergeRules.BothClientsAreOfOneUnit;
import org.maplebridge.intake.ClientMergeRules.TheSurvivingClientWasNotMergedAway;
import org.maplebridge.intake.ClientRegistry.RegisteredClient;
import org.maplebridge.write.InvalidInput;
import org.maplebridge.write.NotAllowed;
import org.maplebridge.write.RecordNotFound;
import org.maplebridge.write.TargetRecord;
import org.springframework.security.access.annotation.Secured;

/**
 * A client taken in more than once under different references, merged by the unit's supervisor into
 * the client who stays. One per duplicate (keyed by its reference, which is never reused), so the
 * merge is a fact with who, when and why in its own stream, and a client is merged once. The client
 * registry is not event-sourced: what the merge needs of the two clients (unit, earlier merges,
 * erasure) it reads there, at the moment of the command.
 */
@Aggregate
class ClientMerge {

  /** A duplicate's merge; its id keeps it apart from records of other kinds. */
  static String idOf(String duplicateReference) {
    return ClientsMerged.streamOf(duplicateReference);
  }

  /** Merge the client with {@code reference} into the client with reference {@code into}. */
  @Secured(SUPERVISOR)
  record MergeClients(
      @TargetAggregateIdentifier String mergeId, String reference, String into, String reason) {}

  @AggregateIdentifier private String mergeId;
  private boolean merged;

  ClientMerge() {
    // for Axon, and for a client's first merge
  }

  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  void handle(MergeClients command, Actor actor, ClientRegistry clients) {
    if (!actor.is(Role.SUPERVISOR) || actor.unit() == null) {
      throw new NotAllowed("The unit's supervisor merges its clients");
    }
    RegisteredClient duplicate =
        clients
            .findByReference(command.reference())
            .orElseThrow(() -> new RecordNotFound("Client " + command.reference()));
    if (!actor.worksIn(duplicate.unit())) {
      // Another unit's client does not exist for this supervisor; the attempt is audited there.
      throw new RecordNotFound(
          "Client " + command.reference(),
          new TargetRecord("CLIENT", duplicate.clientId(), duplicate.unit()));
    }
    RegisteredClient surviving =
        clients
            .findByReference(command.into())
            .orElseThrow(() -> new InvalidInput("into", "No client with this reference"));
    check(new AClientIsNotMergedIntoItself(duplicate, surviving));
    check(new BothClientsAreOfOneUnit(duplicate, surviving));
    check(new AClientIsMergedOnce(merged || clients.mergedInto(duplicate.clientId()).isPresent()));
    check(
        new TheSurvivingClientWasNotMergedAway(
            clients.mergedInto(surviving.clientId()).isPresent()));
    apply(
        new ClientsMerged(
            duplicate.clientId(),
            duplicate.reference(),
            surviving.clientId(),
            surviving.reference(),
            duplicate.unit(),
            command.reason(),
            actor.username()));
  }

  @EventSourcingHandler
  void on(ClientsMerged event) {
    mergeId = idOf(event.duplicateReference());
    merged = true;
  }
}
