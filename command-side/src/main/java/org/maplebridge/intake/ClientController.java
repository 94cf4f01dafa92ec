package org.maplebridge.intake;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.maplebridge.intake.ClientMerge.MergeClients;
import org.maplebridge.write.RecordNotFound;
import org.maplebridge.write.Text;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The write API of clients as a whole: merging a duplicate. */
@RestController
@Tag(name = "Clients", description = "Clients across their cases: merging duplicates")
class ClientController {
  private static final String REFERENCE = "C-\\d{4}-\\d{6}";

  private final CommandGateway commands;

  ClientController(CommandGateway commands) {
    this.commands = commands;
  }

  record MergeRequest(
      @NotNull @Pattern(regexp = REFERENCE) String into,
      @NotBlank @Size(max = 500) @Pattern(regexp = Text.SINGLE_LINE) String reason) {}

  @PostMapping("/api/clients/{reference}/merge")
  @Operation(
      summary =
          "Supervisor: merge a duplicate client of the unit into the client who stays ({\"into\":"
              + " reference, \"reason\"}); the duplicate's reference then finds that client. 409"
              + " for two units, the same client, or a client merged already")
  ResponseEntity<Void> merge(
      @PathVariable String reference, @Valid @RequestBody MergeRequest request) {
    if (!reference.matches(REFERENCE)) {
      throw new RecordNotFound("Client " + reference);
    }
    commands.sendAndWait(
        new MergeClients(ClientMerge.idOf(reference), reference, request.into(), request.reason()));
    return ResponseEntity.noContent().build();
  }
}
