package org.maplebridge.privacy;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.maplebridge.privacy.PersonalRecords.ErasePerson;
import org.maplebridge.privacy.PersonalRecords.LiftLegalHold;
import org.maplebridge.privacy.PersonalRecords.PlaceLegalHold;
import org.maplebridge.write.Text;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The privacy officer's writes: legal holds on a person's records, and their erasure. */
@RestController
@Tag(name = "Retention and erasure", description = "Legal holds and erasure by key destruction")
class PrivacyController {
  private final CommandGateway commands;

  PrivacyController(CommandGateway commands) {
    this.commands = commands;
  }

  record HoldRequest(
      @NotBlank @Size(max = 500) @Pattern(regexp = Text.SINGLE_LINE) String reason,
      OffsetDateTime until) {}

  @PostMapping("/api/privacy/people/{personId}/legal-hold")
  @Operation(
      summary =
          "Privacy officer: place a legal hold on a person's records (a client id, or an anonymous"
              + " caller's crisis episode id); until a time, or until lifted")
  ResponseEntity<Void> hold(@PathVariable UUID personId, @Valid @RequestBody HoldRequest request) {
    commands.sendAndWait(
        new PlaceLegalHold(
            PersonalRecords.idOf(personId),
            personId,
            request.reason(),
            request.until() == null ? null : request.until().toInstant()));
    return ResponseEntity.noContent().build();
  }

  record LiftRequest(
      @NotBlank @Size(max = 500) @Pattern(regexp = Text.SINGLE_LINE) String reason) {}

  @PostMapping("/api/privacy/people/{personId}/legal-hold/lifting")
  @Operation(summary = "Privacy officer: lift the legal hold in force (409 when none is)")
  ResponseEntity<Void> lift(@PathVariable UUID personId, @Valid @RequestBody LiftRequest request) {
    commands.sendAndWait(
        new LiftLegalHold(PersonalRecords.idOf(personId), personId, request.reason()));
    return ResponseEntity.noContent().build();
  }

  record ErasureRequest(
      @NotBlank @Size(max = 500) @Pattern(regexp = Text.SINGLE_LINE) String reason,
      @Size(max = 100) @Pattern(regexp = Text.SINGLE_LINE) String requestReference) {}

  @PostMapping("/api/privacy/people/{personId}/erasure")
  @Operation(
      summary =
          "Privacy officer: erase a person due for erasure, or earlier on a recorded request"
              + " (requestReference); destroys the data keys of all their records. 409 while a"
              + " legal hold is in force, or before the retention ended without a request")
  ResponseEntity<Void> erase(
      @PathVariable UUID personId, @Valid @RequestBody ErasureRequest request) {
    commands.sendAndWait(
        new ErasePerson(
            PersonalRecords.idOf(personId),
            personId,
            request.reason(),
            request.requestReference()));
    return ResponseEntity.noContent().build();
  }
}
