package org.maplebridge.referral;

import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.maplebridge.events.MetadataKeys;
import org.maplebridge.events.intake.ConsentScope;
import org.maplebridge.events.intake.ConsentWithdrawn;
import org.maplebridge.referral.ReferralCommands.EndSharingWithoutConsent;
import org.maplebridge.write.ActorMetadata;
import org.springframework.stereotype.Component;

/**
 * When a person withdraws consent to share, the providers of their open referrals sent on it lose
 * the disclosed fields at once. Referrals not yet sent need nothing: sending checks consent then.
 * Subscribing: the withdrawal and its effect on every referral are one transaction, so no provider
 * reads the person's details after the withdrawal was acknowledged.
 */
@Component
@ProcessingGroup(SharingFollowsConsent.GROUP)
class SharingFollowsConsent {
  static final String GROUP = "referral-consent";
  private final ReferralLedger ledger;
  private final CommandGateway commands;

  SharingFollowsConsent(ReferralLedger ledger, CommandGateway commands) {
    this.ledger = ledger;
    this.commands = commands;
  }

  @EventHandler
  void on(ConsentWithdrawn event, EventMessage<?> message) {
    if (event.scope() != ConsentScope.REFERRAL_SHARING) {
      return;
    }
    String unit = String.valueOf(message.getMetaData().getOrDefault(MetadataKeys.UNIT, ""));
    for (UUID referralId : ledger.sentFor(event.intakeId())) {
      commands.sendAndWait(
          GenericCommandMessage.asCommandMessage(
                  new EndSharingWithoutConsent(referralId, event.recordedBy()))
              .withMetaData(ActorMetadata.system(unit)));
    }
  }
}
