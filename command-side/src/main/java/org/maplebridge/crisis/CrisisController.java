package org.maplebridge.crisis;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.maplebridge.crisis.CrisisCommands.AcknowledgeEscalation;
import org.maplebridge.crisis.CrisisCommands.AssessRisk;
import org.maplebridge.crisis.CrisisCommands.CloseCrisis;
import org.maplebridge.crisis.CrisisCommands.CompleteFollowUp;
import org.maplebridge.crisis.CrisisCommands.ConfirmRescue;
import org.maplebridge.crisis.CrisisCommands.Deescalate;
import org.maplebridge.crisis.CrisisCommands.DispatchEmergencyServices;
import org.maplebridge.crisis.CrisisCommands.Escalate;
import org.maplebridge.crisis.CrisisCommands.OpenCrisisContact;
import org.maplebridge.crisis.CrisisCommands.RecordContact;
import org.maplebridge.crisis.CrisisCommands.RecordSafetyPlan;
import org.maplebridge.crisis.CrisisCommands.RecordSupervisorConsult;
import org.maplebridge.crisis.CrisisCommands.RecordWhereabouts;
import org.maplebridge.crisis.CrisisCommands.ReopenCrisis;
import org.maplebridge.crisis.CrisisCommands.ScheduleFollowUp;
import org.maplebridge.crisis.CrisisCommands.Whereabouts;
import org.maplebridge.crisis.CrisisEpisode.ClosureOutcome;
import org.maplebridge.events.crisis.Caller;
import org.maplebridge.events.crisis.ContactChannel;
import org.maplebridge.events.crisis.CrisisClosureReason;
import org.maplebridge.events.crisis.EmergencyAgency;
import org.maplebridge.events.crisis.MeansAgreement;
import org.maplebridge.events.crisis.RescueResult;
import org.maplebridge.events.crisis.RiskLevel;
import org.maplebridge.events.crisis.SafetyPlan;
import org.maplebridge.write.Created;
import org.maplebridge.write.InvalidInput;
import org.maplebridge.write.Text;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The write API of crisis intervention. */
@RestController
@RequestMapping("/api/crises")
@Tag(
    name = "Crisis",
    description = "Crisis contacts, risk, the escalation ladder, rescue, follow-up")
class CrisisController {
  private final CommandGateway commands;

  CrisisController(CommandGateway commands) {
    this.commands = commands;
  }

  record OpenRequest(
      @NotNull ContactChannel channel,
      @NotNull Caller caller,
      UUID clientId,
      @Pattern(regexp = "C-\\d{4}-\\d{6}") String clientReference,
      UUID intakeId,
      @NotBlank @Size(max = 4000) @Pattern(regexp = Text.MULTI_LINE) String summary,
      @Size(max = 40) @Pattern(regexp = PHONE) String callbackNumber,
      @Size(max = 1000) @Pattern(regexp = Text.MULTI_LINE) String location,
      @Size(max = 200) @Pattern(regexp = Text.SINGLE_LINE) String area) {

    Whereabouts whereabouts() {
      return new Whereabouts(blankAsNull(callbackNumber), blankAsNull(location), blankAsNull(area));
    }
  }

  /** Digits, spaces, a leading +, brackets and dashes: a number someone can dial back. */
  static final String PHONE = "\\+?[0-9 ()\\-]{3,40}";

  private static String blankAsNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  @PostMapping
  @Operation(
      summary =
          "Open a crisis contact; a returning person by clientId or clientReference, or anonymous")
  ResponseEntity<Created> open(@Valid @RequestBody OpenRequest request) {
    UUID id = UUID.randomUUID();
    commands.sendAndWait(
        new OpenCrisisContact(
            id,
            request.channel(),
            request.caller(),
            request.clientId(),
            request.summary(),
            request.intakeId(),
            request.whereabouts(),
            request.clientReference()));
    return Created.at("/api/crises/" + id, id);
  }

  record WhereaboutsRequest(
      @Size(max = 40) @Pattern(regexp = PHONE) String callbackNumber,
      @Size(max = 1000) @Pattern(regexp = Text.MULTI_LINE) String location,
      @Size(max = 200) @Pattern(regexp = Text.SINGLE_LINE) String area) {}

  @PutMapping("/{id}/whereabouts")
  @Operation(
      summary = "Record where the person can be called back and found (replaces what was recorded)")
  ResponseEntity<Void> whereabouts(
      @PathVariable UUID id, @Valid @RequestBody WhereaboutsRequest request) {
    commands.sendAndWait(
        new RecordWhereabouts(
            id,
            new Whereabouts(
                blankAsNull(request.callbackNumber()),
                blankAsNull(request.location()),
                blankAsNull(request.area()))));
    return ResponseEntity.noContent().build();
  }

  record ContactRequest(
      @NotNull ContactChannel channel,
      @NotNull @PastOrPresent OffsetDateTime startedAt,
      @NotNull @PositiveOrZero @Max(24 * 60) Integer minutes,
      @Size(max = 2000) @Pattern(regexp = Text.MULTI_LINE) String note) {}

  @PostMapping("/{id}/contacts")
  @Operation(
      summary =
          "Record another contact with the person (a call, chat, walk-in or outreach visit),"
              + " taken by the caller of this request")
  ResponseEntity<Created> contact(
      @PathVariable UUID id, @Valid @RequestBody ContactRequest request) {
    UUID contactId = UUID.randomUUID();
    commands.sendAndWait(
        new RecordContact(
            id,
            contactId,
            request.channel(),
            request.startedAt().toInstant(),
            request.minutes(),
            blankAsNull(request.note())));
    return Created.at("/api/crises/" + id, contactId);
  }

  record AssessmentRequest(
      @NotNull RiskLevel level,
      List<Object> answers,
      Boolean recentBehaviour,
      Boolean desire,
      Boolean capability,
      Boolean intent,
      @Size(max = 2000) @Pattern(regexp = Text.MULTI_LINE) String buffers,
      @Size(max = 8000) @Pattern(regexp = Text.MULTI_LINE) String notes,
      @Size(max = 4000) @Pattern(regexp = Text.MULTI_LINE) String rationale) {}

  @PostMapping("/{id}/risk-assessments")
  @Operation(
      summary =
          "Assess risk; imminent risk is escalated at once. A level below the C-SSRS screener's"
              + " is the supervisor's, with a rationale")
  ResponseEntity<Created> assess(
      @PathVariable UUID id, @Valid @RequestBody AssessmentRequest request) {
    UUID assessmentId = UUID.randomUUID();
    commands.sendAndWait(
        new AssessRisk(
            id,
            assessmentId,
            request.level(),
            request.answers(),
            request.recentBehaviour(),
            request.desire(),
            request.capability(),
            request.intent(),
            request.buffers(),
            request.notes(),
            request.rationale()));
    return Created.at("/api/crises/" + id, assessmentId);
  }

  record ConsultRequest(
      @NotBlank @Size(max = 4000) @Pattern(regexp = Text.MULTI_LINE) String advice) {}

  @PostMapping("/{id}/supervisor-consult")
  ResponseEntity<Void> consult(@PathVariable UUID id, @Valid @RequestBody ConsultRequest request) {
    commands.sendAndWait(new RecordSupervisorConsult(id, request.advice()));
    return ResponseEntity.noContent().build();
  }

  record EscalationRequest(
      @NotBlank @Size(max = 2000) @Pattern(regexp = Text.MULTI_LINE) String reason) {}

  @PostMapping("/{id}/escalations")
  @Operation(summary = "Escalate to the next tier of the ladder, chosen by the platform")
  ResponseEntity<Created> escalate(
      @PathVariable UUID id, @Valid @RequestBody EscalationRequest request) {
    UUID escalationId = UUID.randomUUID();
    commands.sendAndWait(new Escalate(id, escalationId, request.reason()));
    return Created.at("/api/crises/" + id, escalationId);
  }

  @PostMapping("/{id}/escalations/{escalationId}/acknowledgement")
  ResponseEntity<Void> acknowledge(@PathVariable UUID id, @PathVariable UUID escalationId) {
    commands.sendAndWait(new AcknowledgeEscalation(id, escalationId));
    return ResponseEntity.noContent().build();
  }

  record DispatchRequest(
      @NotNull EmergencyAgency agency,
      @NotBlank @Size(max = 100) @Pattern(regexp = Text.SINGLE_LINE) String reference,
      @NotBlank @Size(max = 2000) @Pattern(regexp = Text.MULTI_LINE)
          String confidentialityBreakReason,
      @PastOrPresent OffsetDateTime calledAt) {}

  @PostMapping("/{id}/emergency-dispatch")
  @Operation(
      summary =
          "Active rescue: record who called which agency when (calledAt, default now), its"
              + " reference and why confidentiality was broken; answers the emergency-services rung")
  ResponseEntity<Void> dispatch(
      @PathVariable UUID id, @Valid @RequestBody DispatchRequest request) {
    commands.sendAndWait(
        new DispatchEmergencyServices(
            id,
            request.agency(),
            request.reference(),
            request.confidentialityBreakReason(),
            request.calledAt() == null ? null : request.calledAt().toInstant()));
    return ResponseEntity.noContent().build();
  }

  record RescueConfirmationRequest(
      RescueResult result,
      @NotBlank @Size(max = 4000) @Pattern(regexp = Text.MULTI_LINE) String outcome) {}

  @PostMapping("/{id}/rescue-confirmation")
  @Operation(
      summary =
          "What the rescue found: REACHED (default) ends it; NOT_FOUND or REFUSED keep it chased")
  ResponseEntity<Void> confirmRescue(
      @PathVariable UUID id, @Valid @RequestBody RescueConfirmationRequest request) {
    commands.sendAndWait(new ConfirmRescue(id, request.result(), request.outcome()));
    return ResponseEntity.noContent().build();
  }

  record DeescalationRequest(@Size(max = 4000) @Pattern(regexp = Text.MULTI_LINE) String notes) {}

  @PostMapping("/{id}/de-escalation")
  ResponseEntity<Void> deescalate(
      @PathVariable UUID id, @Valid @RequestBody DeescalationRequest request) {
    commands.sendAndWait(new Deescalate(id, request.notes()));
    return ResponseEntity.noContent().build();
  }

  record SafetyPlanRequest(
      @NotNull List<@NotBlank @Size(max = 500) String> warningSigns,
      @NotNull List<@NotBlank @Size(max = 500) String> internalCopingStrategies,
      @NotNull List<@NotBlank @Size(max = 500) String> peopleAndPlacesForDistraction,
      @NotNull List<@NotBlank @Size(max = 500) String> peopleToAskForHelp,
      @NotNull List<@NotBlank @Size(max = 500) String> professionalsAndAgencies,
      @NotNull List<@NotBlank @Size(max = 500) String> makingTheEnvironmentSafe,
      List<@NotBlank @Size(max = 500) String> reasonsForLiving,
      List<@NotNull @Valid MeansRequest> meansAgreed) {}

  /** A means (step 6) and what was agreed for it; the episode refuses either one left blank. */
  record MeansRequest(
      @Size(max = 500) @Pattern(regexp = Text.SINGLE_LINE) String means,
      @Size(max = 500) @Pattern(regexp = Text.SINGLE_LINE) String agreed) {

    MeansAgreement agreement() {
      return new MeansAgreement(blankAsNull(means), blankAsNull(agreed));
    }
  }

  @PostMapping("/{id}/safety-plan")
  @Operation(summary = "Record a new version of the six-step Stanley-Brown safety plan")
  ResponseEntity<Void> safetyPlan(
      @PathVariable UUID id, @Valid @RequestBody SafetyPlanRequest request) {
    commands.sendAndWait(
        new RecordSafetyPlan(
            id,
            new SafetyPlan(
                request.warningSigns(),
                request.internalCopingStrategies(),
                request.peopleAndPlacesForDistraction(),
                request.peopleToAskForHelp(),
                request.professionalsAndAgencies(),
                request.makingTheEnvironmentSafe(),
                request.reasonsForLiving() == null ? List.of() : request.reasonsForLiving(),
                request.meansAgreed() == null
                    ? List.of()
                    : request.meansAgreed().stream().map(MeansRequest::agreement).toList())));
    return ResponseEntity.noContent().build();
  }

  record FollowUpRequest(@NotNull @Future OffsetDateTime dueAt) {}

  @PostMapping("/{id}/follow-ups")
  ResponseEntity<Created> scheduleFollowUp(
      @PathVariable UUID id, @Valid @RequestBody FollowUpRequest request) {
    UUID followUpId = UUID.randomUUID();
    commands.sendAndWait(new ScheduleFollowUp(id, followUpId, request.dueAt().toInstant()));
    return Created.at("/api/crises/" + id, followUpId);
  }

  record FollowUpCompletionRequest(
      @NotNull Boolean reached,
      RiskLevel level,
      @Size(max = 4000) @Pattern(regexp = Text.MULTI_LINE) String notes) {}

  @PostMapping("/{id}/follow-ups/{followUpId}/completion")
  @Operation(summary = "Record a follow-up: reached (with the risk re-screened) or not reached")
  ResponseEntity<Void> completeFollowUp(
      @PathVariable UUID id,
      @PathVariable UUID followUpId,
      @Valid @RequestBody FollowUpCompletionRequest request) {
    if (request.reached() && request.level() == null) {
      throw new InvalidInput("level", "Re-screen the person: give the risk level found");
    }
    commands.sendAndWait(
        new CompleteFollowUp(id, followUpId, request.reached(), request.level(), request.notes()));
    return ResponseEntity.noContent().build();
  }

  record ClosureRequest(
      @NotNull CrisisClosureReason reason,
      @Size(max = 4000) @Pattern(regexp = Text.MULTI_LINE) String summary) {}

  @PostMapping("/{id}/closure")
  @Operation(summary = "Close; after high or imminent risk it waits for the supervisor (202)")
  ResponseEntity<Void> close(@PathVariable UUID id, @Valid @RequestBody ClosureRequest request) {
    ClosureOutcome outcome =
        commands.sendAndWait(new CloseCrisis(id, request.reason(), request.summary()));
    return outcome == ClosureOutcome.AWAITING_APPROVAL
        ? ResponseEntity.accepted().build()
        : ResponseEntity.noContent().build();
  }

  record ReopeningRequest(
      @NotBlank @Size(max = 2000) @Pattern(regexp = Text.MULTI_LINE) String reason) {}

  @PostMapping("/{id}/reopening")
  ResponseEntity<Void> reopen(@PathVariable UUID id, @Valid @RequestBody ReopeningRequest request) {
    commands.sendAndWait(new ReopenCrisis(id, request.reason()));
    return ResponseEntity.noContent().build();
  }
}
