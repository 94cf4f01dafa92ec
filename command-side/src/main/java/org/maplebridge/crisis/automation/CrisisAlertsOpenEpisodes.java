package org.maplebridge.crisis.automation;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.maplebridge.crisis.CrisisCommands.CarryOverScreeningRisk;
import org.maplebridge.crisis.CrisisCommands.OpenCrisisContact;
import org.maplebridge.events.crisis.Caller;
import org.maplebridge.events.crisis.ContactChannel;
import org.maplebridge.events.intake.CrisisAlertRaised;
import org.maplebridge.write.ActorMetadata;
import org.springframework.stereotype.Component;

/**
 * A screening that raised a crisis alert opens a crisis episode in the intake's unit, so the crisis
 * team sees it on its board, and the episode starts at the screening's risk with that risk's
 * acknowledgement deadline. One episode per alert: its id is derived from the screening, so a
 * redelivered alert changes nothing, and replays never fire it again. The risk is carried over even
 * when the episode exists, so an alert handled halfway before a restart is finished.
 */
@Component
@ProcessingGroup("crisis-automation")
class CrisisAlertsOpenEpisodes {
  private final CommandGateway commands;
  private final EventStore events;

  CrisisAlertsOpenEpisodes(CommandGateway commands, EventStore events) {
    this.commands = commands;
    this.events = events;
  }

  static UUID episodeFor(CrisisAlertRaised alert) {
    return UUID.nameUUIDFromBytes(
        ("crisis-for-screening:" + alert.screeningId()).getBytes(StandardCharsets.UTF_8));
  }

  @EventHandler
  @DisallowReplay
  void on(CrisisAlertRaised alert) {
    UUID crisisId = episodeFor(alert);
    if (events.lastSequenceNumberFor(crisisId.toString()).isEmpty()) {
      open(alert, crisisId);
    }
    CarryOverScreeningRisk risk =
        new CarryOverScreeningRisk(
            crisisId,
            UUID.nameUUIDFromBytes(
                ("risk-of-screening:" + alert.screeningId()).getBytes(StandardCharsets.UTF_8)),
            alert.risk());
    commands.sendAndWait(
        GenericCommandMessage.asCommandMessage(risk)
            .withMetaData(ActorMetadata.system(alert.unit())));
  }

  private void open(CrisisAlertRaised alert, UUID crisisId) {
    OpenCrisisContact open =
        new OpenCrisisContact(
            crisisId,
            ContactChannel.INTAKE_ALERT,
            Caller.COUNSELLOR,
            alert.clientId(),
            "Crisis alert from an intake screening: " + alert.reason(),
            alert.intakeId());
    commands.sendAndWait(
        GenericCommandMessage.asCommandMessage(open)
            .withMetaData(ActorMetadata.system(alert.unit())));
  }
}
