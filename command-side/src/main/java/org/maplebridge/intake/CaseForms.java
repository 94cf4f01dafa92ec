package org.maplebridge.intake;

import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.maplebridge.events.intake.ConsentGiver;
import org.maplebridge.events.intake.ConsentMethod;
import org.maplebridge.events.intake.ConsentScope;
import org.maplebridge.intake.IntakeCommands.AddSessionNote;
import org.maplebridge.intake.IntakeCommands.RecordConsent;
import org.maplebridge.write.InvalidInput;
import org.maplebridge.write.StoredPosition;
import org.maplebridge.write.Text;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The case page's forms: each post is the command the API sends, then back to the case. */
@Controller
class CaseForms {
  private final CommandGateway commands;
  private final StoredPosition stored;

  CaseForms(CommandGateway commands, StoredPosition stored) {
    this.commands = commands;
    this.stored = stored;
  }

  @PostMapping("/intakes/{id}/consents")
  String consent(
      @PathVariable UUID id,
      @RequestParam ConsentScope scope,
      @RequestParam ConsentGiver givenBy,
      @RequestParam ConsentMethod method) {
    commands.sendAndWait(new RecordConsent(id, scope, givenBy, method));
    return backTo(id);
  }

  @PostMapping("/intakes/{id}/notes")
  String note(@PathVariable UUID id, @RequestParam String text) {
    if (text.isBlank() || text.length() > 20_000 || !text.matches(Text.MULTI_LINE)) {
      throw new InvalidInput("text", "Write the note, up to 20,000 characters");
    }
    commands.sendAndWait(new AddSessionNote(id, UUID.randomUUID(), text));
    return backTo(id);
  }

  /** The case page, shown once it includes what was just written. */
  private String backTo(UUID id) {
    long written = stored.now();
    return "redirect:/intakes/" + id + "?after=" + written;
  }
}
