package org.maplebridge.access;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.maplebridge.access.EmergencyAccess.BreakTheGlass;
import org.maplebridge.access.EmergencyAccess.ReviewEmergencyAccess;
import org.maplebridge.write.Created;
import org.maplebridge.write.Text;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Break the glass, and its review by someone other than the grantee. */
@RestController
@Tag(name = "Emergency access", description = "Time-limited access to one record, with a reason")
class EmergencyAccessController {
  private final CommandGateway commands;

  EmergencyAccessController(CommandGateway commands) {
    this.commands = commands;
  }

  record GlassRequest(
      @NotNull UUID recordId,
      @NotBlank @Size(max = 2000) @Pattern(regexp = Text.MULTI_LINE) String reason) {}

  @PostMapping("/api/emergency-access")
  @Operation(summary = "Break the glass: state a reason, get time-limited access to one record")
  ResponseEntity<Created> breakTheGlass(@Valid @RequestBody GlassRequest request) {
    UUID grantId = UUID.randomUUID();
    commands.sendAndWait(new BreakTheGlass(grantId, request.recordId(), request.reason()));
    return Created.at("/api/emergency-access/" + grantId, grantId);
  }

  record ReviewRequest(
      @NotBlank @Size(max = 4000) @Pattern(regexp = Text.MULTI_LINE) String finding) {}

  @PostMapping("/api/emergency-access/{id}/review")
  @Operation(
      summary =
          "Review an emergency access, once: a crisis worker's by the unit's supervisor, a"
              + " supervisor's by the privacy officer; never by the grantee (403)")
  ResponseEntity<Void> review(@PathVariable UUID id, @Valid @RequestBody ReviewRequest request) {
    commands.sendAndWait(new ReviewEmergencyAccess(id, request.finding()));
    return ResponseEntity.noContent().build();
  }
}
