package org.maplebridge.intake;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.maplebridge.events.client.ClientIdentity;
import org.maplebridge.events.client.PopulationGroup;
import org.maplebridge.events.directory.ServiceType;
import org.maplebridge.events.intake.ClosureReason;
import org.maplebridge.events.intake.ConsentGiver;
import org.maplebridge.events.intake.ConsentMethod;
import org.maplebridge.events.intake.ConsentScope;
import org.maplebridge.events.intake.Instrument;
import org.maplebridge.events.intake.IntakeSource;
import org.maplebridge.events.intake.SharingPurpose;
import org.maplebridge.events.intake.SharingTerms;
import org.maplebridge.events.intake.Urgency;
import org.maplebridge.intake.IntakeCommands.AddCareTeamMember;
import org.maplebridge.intake.IntakeCommands.AddSessionNote;
import org.maplebridge.intake.IntakeCommands.AssignCounsellor;
import org.maplebridge.intake.IntakeCommands.CloseIntake;
import org.maplebridge.intake.IntakeCommands.CompleteClinicalReview;
import org.maplebridge.intake.IntakeCommands.OpenIntake;
import org.maplebridge.intake.IntakeCommands.RecordConsent;
import org.maplebridge.intake.IntakeCommands.RecordScreening;
import org.maplebridge.intake.IntakeCommands.RemoveCareTeamMember;
import org.maplebridge.intake.IntakeCommands.ReopenIntake;
import org.maplebridge.intake.IntakeCommands.ReturningClient;
import org.maplebridge.intake.IntakeCommands.TriageIntake;
import org.maplebridge.intake.IntakeCommands.WithdrawConsent;
import org.maplebridge.write.Created;
import org.maplebridge.write.InvalidInput;
import org.maplebridge.write.Text;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The write API of counselling intake. The signed-in staff member travels as metadata. */
@RestController
@RequestMapping("/api/intakes")
@Tag(name = "Intake", description = "Counselling intake: consent, screening, triage, notes")
class IntakeController {
  private final CommandGateway commands;

  IntakeController(CommandGateway commands) {
    this.commands = commands;
  }

  record ClientDetails(
      @NotBlank @Size(max = 200) @Pattern(regexp = Text.SINGLE_LINE) String name,
      @NotNull @Past @BornSince1900 LocalDate birthDate,
      @NotBlank @Pattern(regexp = "\\+?[0-9 ()-]{3,30}") String phone,
      @Size(max = 40) @Pattern(regexp = Text.SINGLE_LINE) String nationalId,
      @Size(max = 400) @Pattern(regexp = Text.SINGLE_LINE) String address) {}

  record OpenIntakeRequest(
      @Valid ClientDetails client,
      UUID clientId,
      @Pattern(regexp = "C-\\d{4}-\\d{6}") String clientReference,
      @Past @BornSince1900 LocalDate birthDate,
      @NotNull IntakeSource source,
      @NotBlank @Size(max = 4000) @Pattern(regexp = Text.MULTI_LINE) String concern,
      @NotNull Urgency urgency,
      Set<@NotNull PopulationGroup> populationGroups,
      @Size(max = 100) @Pattern(regexp = Text.SINGLE_LINE) String gridArea) {}

  @PostMapping
  @Operation(
      summary =
          "Open an intake for a new client (client) or a returning one (clientReference or"
              + " clientId, with birthDate unless already in your care)")
  ResponseEntity<Created> open(@Valid @RequestBody OpenIntakeRequest request) {
    boolean returning = request.clientId() != null || request.clientReference() != null;
    if ((request.client() == null) == !returning) {
      throw new InvalidInput(
          "client", "Give either the client's details or a returning client's reference");
    }
    UUID intakeId = UUID.randomUUID();
    ClientDetails details = request.client();
    commands.sendAndWait(
        new OpenIntake(
            intakeId,
            details == null
                ? null
                : new ClientIdentity(
                    details.name(),
                    details.birthDate(),
                    details.phone(),
                    details.nationalId(),
                    details.address()),
            returning
                ? new ReturningClient(
                    request.clientId(), request.clientReference(), request.birthDate())
                : null,
            request.source(),
            request.concern(),
            request.urgency(),
            request.populationGroups() == null ? Set.of() : request.populationGroups(),
            request.gridArea()));
    return Created.at("/api/intakes/" + intakeId, intakeId);
  }

  /**
   * Consent to share ({@code REFERRAL_SHARING}) may name its recipient, a kind of service ({@code
   * recipientKind}) or one provider ({@code recipientProvider}), and its {@code purpose} (default
   * {@code REFERRAL}); naming none lets any referral recipient have the disclosed fields.
   */
  record ConsentRequest(
      @NotNull ConsentScope scope,
      @NotNull ConsentGiver givenBy,
      @NotNull ConsentMethod method,
      ServiceType recipientKind,
      UUID recipientProvider,
      SharingPurpose purpose) {

    SharingTerms sharing() {
      if (recipientKind == null && recipientProvider == null && purpose == null) {
        return null;
      }
      return new SharingTerms(
          recipientKind, recipientProvider, purpose == null ? SharingPurpose.REFERRAL : purpose);
    }
  }

  @PostMapping("/{id}/consents")
  @Operation(
      summary =
          "Record consent; consent to share names the recipient (kind or provider) and purpose")
  ResponseEntity<Void> recordConsent(
      @PathVariable UUID id, @Valid @RequestBody ConsentRequest request) {
    commands.sendAndWait(
        new RecordConsent(
            id, request.scope(), request.givenBy(), request.method(), request.sharing()));
    return ResponseEntity.noContent().build();
  }

  @DeleteMapping("/{id}/consents/{scope}")
  ResponseEntity<Void> withdrawConsent(@PathVariable UUID id, @PathVariable ConsentScope scope) {
    commands.sendAndWait(new WithdrawConsent(id, scope));
    return ResponseEntity.noContent().build();
  }

  record ScreeningRequest(
      @NotNull Instrument instrument, @NotNull List<Object> answers, Boolean recentBehaviour) {}

  @PostMapping("/{id}/screenings")
  @Operation(summary = "Record a screening; the platform scores it from the item answers")
  ResponseEntity<Created> recordScreening(
      @PathVariable UUID id, @Valid @RequestBody ScreeningRequest request) {
    UUID screeningId = UUID.randomUUID();
    commands.sendAndWait(
        new RecordScreening(
            id, screeningId, request.instrument(), request.answers(), request.recentBehaviour()));
    return Created.at("/api/intakes/" + id, screeningId);
  }

  record ClinicalReviewRequest(
      @NotBlank @Size(max = 4000) @Pattern(regexp = Text.MULTI_LINE) String outcome) {}

  @PostMapping("/{id}/clinical-review")
  @Operation(
      summary =
          "Record the clinician's review a moderate C-SSRS asked for: findings and precautions")
  ResponseEntity<Void> clinicalReview(
      @PathVariable UUID id, @Valid @RequestBody ClinicalReviewRequest request) {
    commands.sendAndWait(new CompleteClinicalReview(id, request.outcome()));
    return ResponseEntity.noContent().build();
  }

  record TriageRequest(
      @NotNull Urgency priority,
      @NotBlank @Size(max = 2000) @Pattern(regexp = Text.MULTI_LINE) String rationale) {}

  @PostMapping("/{id}/triage")
  ResponseEntity<Void> triage(@PathVariable UUID id, @Valid @RequestBody TriageRequest request) {
    commands.sendAndWait(new TriageIntake(id, request.priority(), request.rationale()));
    return ResponseEntity.noContent().build();
  }

  /** {@code keepPrevious}: the counsellor handing over stays on the care team. */
  record AssignmentRequest(@NotBlank @Size(max = 100) String counsellor, Boolean keepPrevious) {}

  @PostMapping("/{id}/assignment")
  @Operation(summary = "Assign a counsellor; the previous one leaves the care team unless kept")
  ResponseEntity<Void> assign(
      @PathVariable UUID id, @Valid @RequestBody AssignmentRequest request) {
    commands.sendAndWait(
        new AssignCounsellor(
            id, request.counsellor(), Boolean.TRUE.equals(request.keepPrevious())));
    return ResponseEntity.noContent().build();
  }

  record CareTeamRequest(@NotBlank @Size(max = 100) String member) {}

  @PostMapping("/{id}/care-team")
  @Operation(summary = "Add a counsellor of the unit to the case's care team")
  ResponseEntity<Void> addToCareTeam(
      @PathVariable UUID id, @Valid @RequestBody CareTeamRequest request) {
    commands.sendAndWait(new AddCareTeamMember(id, request.member()));
    return ResponseEntity.noContent().build();
  }

  @DeleteMapping("/{id}/care-team/{member}")
  @Operation(summary = "Take a counsellor off the case's care team (not the assigned one)")
  ResponseEntity<Void> removeFromCareTeam(@PathVariable UUID id, @PathVariable String member) {
    commands.sendAndWait(new RemoveCareTeamMember(id, member));
    return ResponseEntity.noContent().build();
  }

  record NoteRequest(@NotBlank @Size(max = 20000) @Pattern(regexp = Text.MULTI_LINE) String text) {}

  @PostMapping("/{id}/notes")
  ResponseEntity<Created> addNote(@PathVariable UUID id, @Valid @RequestBody NoteRequest request) {
    UUID noteId = UUID.randomUUID();
    commands.sendAndWait(new AddSessionNote(id, noteId, request.text()));
    return Created.at("/api/intakes/" + id, noteId);
  }

  record ClosureRequest(
      @NotNull ClosureReason reason,
      @Size(max = 4000) @Pattern(regexp = Text.MULTI_LINE) String summary) {}

  @PostMapping("/{id}/closure")
  ResponseEntity<Void> close(@PathVariable UUID id, @Valid @RequestBody ClosureRequest request) {
    commands.sendAndWait(new CloseIntake(id, request.reason(), request.summary()));
    return ResponseEntity.noContent().build();
  }

  record ReopeningRequest(
      @NotBlank @Size(max = 2000) @Pattern(regexp = Text.MULTI_LINE) String reason) {}

  @PostMapping("/{id}/reopening")
  ResponseEntity<Void> reopen(@PathVariable UUID id, @Valid @RequestBody ReopeningRequest request) {
    commands.sendAndWait(new ReopenIntake(id, request.reason()));
    return ResponseEntity.noContent().build();
  }
}
