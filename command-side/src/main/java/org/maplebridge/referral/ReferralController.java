package org.maplebridge.referral;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.maplebridge.events.directory.ServiceType;
import org.maplebridge.events.referral.AnswerChannel;
import org.maplebridge.events.referral.DeclineReason;
import org.maplebridge.events.referral.DisclosedField;
import org.maplebridge.events.referral.ProviderAnswer;
import org.maplebridge.events.referral.ReferralSide;
import org.maplebridge.events.referral.ReferralUrgency;
import org.maplebridge.events.referral.ReviewKind;
import org.maplebridge.referral.ReferralCommands.CancelReferral;
import org.maplebridge.referral.ReferralCommands.CloseLoop;
import org.maplebridge.referral.ReferralCommands.GrantConsentWaiver;
import org.maplebridge.referral.ReferralCommands.MarkEnteredInError;
import org.maplebridge.referral.ReferralCommands.PutOnHold;
import org.maplebridge.referral.ReferralCommands.RecordAcceptance;
import org.maplebridge.referral.ReferralCommands.RecordAppointment;
import org.maplebridge.referral.ReferralCommands.RecordAttendance;
import org.maplebridge.referral.ReferralCommands.RecordCompletion;
import org.maplebridge.referral.ReferralCommands.RecordDecline;
import org.maplebridge.referral.ReferralCommands.RecordFailure;
import org.maplebridge.referral.ReferralCommands.RecordReceipt;
import org.maplebridge.referral.ReferralCommands.Redirect;
import org.maplebridge.referral.ReferralCommands.RefuseConsentWaiver;
import org.maplebridge.referral.ReferralCommands.RequestConsentWaiver;
import org.maplebridge.referral.ReferralCommands.RequestReferral;
import org.maplebridge.referral.ReferralCommands.Resume;
import org.maplebridge.referral.ReferralCommands.ReviewReferral;
import org.maplebridge.referral.ReferralCommands.SendReferral;
import org.maplebridge.write.Created;
import org.maplebridge.write.Text;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The write API of referrals. The provider's answers (receipt, acceptance, decline, appointment,
 * attendance, hold, outcome) come from the provider's own staff, or from the referrer's staff after
 * a phone call, naming the provider's {@code contactPerson}.
 */
@RestController
@RequestMapping("/api/referrals")
@Tag(name = "Referral", description = "The closed referral loop")
class ReferralController {
  private final CommandGateway commands;

  ReferralController(CommandGateway commands) {
    this.commands = commands;
  }

  private ResponseEntity<Void> done(Object command) {
    commands.sendAndWait(command);
    return ResponseEntity.noContent().build();
  }

  /**
   * The provider's person the referrer's staff spoke to: the answer came by phone. Provider staff
   * answering themselves need not name anyone; their answer is theirs.
   */
  private static ProviderAnswer byPhone(String contactPerson) {
    return contactPerson == null ? null : new ProviderAnswer(AnswerChannel.PHONE, contactPerson);
  }

  /** A provider's answer with nothing else to say. */
  record Answer(@Size(max = 200) @Pattern(regexp = Text.SINGLE_LINE) String contactPerson) {}

  private static String contactOf(Answer answer) {
    return answer == null ? null : answer.contactPerson();
  }

  record ReferralRequest(
      UUID intakeId,
      UUID crisisId,
      @NotNull ServiceType serviceType,
      @NotNull UUID providerId,
      @NotNull ReferralUrgency urgency,
      @NotBlank @Size(max = 4000) @Pattern(regexp = Text.MULTI_LINE) String reason,
      @NotEmpty Set<@NotNull DisclosedField> disclosedFields) {}

  @PostMapping
  @Operation(summary = "Request a referral from an intake or a crisis episode")
  ResponseEntity<Created> request(@Valid @RequestBody ReferralRequest request) {
    UUID id = UUID.randomUUID();
    commands.sendAndWait(
        new RequestReferral(
            id,
            request.intakeId(),
            request.crisisId(),
            request.serviceType(),
            request.providerId(),
            request.urgency(),
            request.reason(),
            request.disclosedFields()));
    return Created.at("/api/referrals/" + id, id);
  }

  /** Only a reason: who asks, grants or refuses is whoever sends it, never a name in the body. */
  record WaiverReason(
      @NotBlank @Size(max = 2000) @Pattern(regexp = Text.MULTI_LINE) String reason) {}

  @PostMapping("/{id}/consent-waiver-request")
  @Operation(
      summary =
          "Referrer: ask the unit's supervisor to let it go without the client's consent to share")
  ResponseEntity<Void> askForWaiver(
      @PathVariable UUID id, @Valid @RequestBody WaiverReason request) {
    return done(new RequestConsentWaiver(id, request.reason()));
  }

  @PostMapping("/{id}/consent-waiver")
  @Operation(
      summary =
          "Supervisor of the unit: grant the waiting request for an override; the caller is the"
              + " authoriser")
  ResponseEntity<Void> grantWaiver(
      @PathVariable UUID id, @Valid @RequestBody WaiverReason request) {
    return done(new GrantConsentWaiver(id, request.reason()));
  }

  @PostMapping("/{id}/consent-waiver-refusal")
  @Operation(summary = "Supervisor of the unit: refuse the waiting request for an override")
  ResponseEntity<Void> refuseWaiver(
      @PathVariable UUID id, @Valid @RequestBody WaiverReason request) {
    return done(new RefuseConsentWaiver(id, request.reason()));
  }

  @PostMapping("/{id}/sending")
  @Operation(summary = "Send it: needs consent to share for referral, an override, or a rescue")
  ResponseEntity<Void> send(@PathVariable UUID id) {
    return done(new SendReferral(id));
  }

  @PostMapping("/{id}/receipt")
  @Operation(summary = "The provider acknowledged it")
  ResponseEntity<Void> receipt(
      @PathVariable UUID id, @Valid @RequestBody(required = false) Answer answer) {
    return done(new RecordReceipt(id, byPhone(contactOf(answer))));
  }

  @PostMapping("/{id}/acceptance")
  @Operation(summary = "The provider accepted it: its access to the disclosed fields begins")
  ResponseEntity<Void> accept(
      @PathVariable UUID id, @Valid @RequestBody(required = false) Answer answer) {
    return done(new RecordAcceptance(id, byPhone(contactOf(answer))));
  }

  record DeclineRequest(
      @NotNull DeclineReason reason,
      @Size(max = 2000) @Pattern(regexp = Text.MULTI_LINE) String notes,
      @Size(max = 200) @Pattern(regexp = Text.SINGLE_LINE) String contactPerson,
      UUID suggestedProvider) {}

  @PostMapping("/{id}/decline")
  @Operation(
      summary =
          "The provider declined, with a reason, and may suggest another provider of the same"
              + " service (suggestedProvider) for the referrer to redirect to")
  ResponseEntity<Void> decline(@PathVariable UUID id, @Valid @RequestBody DeclineRequest request) {
    return done(
        new RecordDecline(
            id,
            request.reason(),
            request.notes(),
            byPhone(request.contactPerson()),
            request.suggestedProvider()));
  }

  record RedirectRequest(@NotNull UUID providerId) {}

  @PostMapping("/{id}/redirect")
  @Operation(
      summary =
          "Send a declined referral on to another provider (the one the provider suggested, or"
              + " another): the person's consent must cover the new recipient")
  ResponseEntity<Void> redirect(
      @PathVariable UUID id, @Valid @RequestBody RedirectRequest request) {
    return done(new Redirect(id, request.providerId()));
  }

  record AppointmentRequest(
      @NotNull OffsetDateTime at,
      @Size(max = 200) @Pattern(regexp = Text.SINGLE_LINE) String contactPerson) {}

  @PostMapping("/{id}/appointment")
  @Operation(summary = "Book or move the appointment")
  ResponseEntity<Void> appointment(
      @PathVariable UUID id, @Valid @RequestBody AppointmentRequest request) {
    return done(
        new RecordAppointment(id, request.at().toInstant(), byPhone(request.contactPerson())));
  }

  record AttendanceRequest(
      @NotNull Boolean attended,
      @Size(max = 200) @Pattern(regexp = Text.SINGLE_LINE) String contactPerson) {}

  @PostMapping("/{id}/attendance")
  @Operation(summary = "Attended (in progress) or missed; three misses fail the referral")
  ResponseEntity<Void> attendance(
      @PathVariable UUID id, @Valid @RequestBody AttendanceRequest request) {
    return done(new RecordAttendance(id, request.attended(), byPhone(request.contactPerson())));
  }

  record HoldRequest(
      @Size(max = 2000) @Pattern(regexp = Text.MULTI_LINE) String reason,
      @Size(max = 200) @Pattern(regexp = Text.SINGLE_LINE) String contactPerson) {}

  @PostMapping("/{id}/hold")
  ResponseEntity<Void> hold(@PathVariable UUID id, @Valid @RequestBody HoldRequest request) {
    return done(new PutOnHold(id, request.reason(), byPhone(request.contactPerson())));
  }

  @PostMapping("/{id}/resumption")
  ResponseEntity<Void> resume(
      @PathVariable UUID id, @Valid @RequestBody(required = false) Answer answer) {
    return done(new Resume(id, byPhone(contactOf(answer))));
  }

  record CompletionRequest(
      @NotBlank @Size(max = 8000) @Pattern(regexp = Text.MULTI_LINE) String outcome,
      @Size(max = 200) @Pattern(regexp = Text.SINGLE_LINE) String contactPerson) {}

  @PostMapping("/{id}/completion")
  @Operation(summary = "The provider's outcome feedback")
  ResponseEntity<Void> complete(
      @PathVariable UUID id, @Valid @RequestBody CompletionRequest request) {
    return done(new RecordCompletion(id, request.outcome(), byPhone(request.contactPerson())));
  }

  record FailureRequest(
      @NotBlank @Size(max = 2000) @Pattern(regexp = Text.MULTI_LINE) String reason,
      @Size(max = 200) @Pattern(regexp = Text.SINGLE_LINE) String contactPerson) {}

  @PostMapping("/{id}/failure")
  ResponseEntity<Void> fail(@PathVariable UUID id, @Valid @RequestBody FailureRequest request) {
    return done(new RecordFailure(id, request.reason(), byPhone(request.contactPerson())));
  }

  @PostMapping("/{id}/loop-closure")
  @Operation(summary = "The referrer acknowledges the outcome: the loop is closed")
  ResponseEntity<Void> closeLoop(@PathVariable UUID id) {
    return done(new CloseLoop(id));
  }

  record CancellationRequest(
      @NotNull ReferralSide side,
      @NotBlank @Size(max = 2000) @Pattern(regexp = Text.MULTI_LINE) String reason,
      @Size(max = 200) @Pattern(regexp = Text.SINGLE_LINE) String contactPerson) {}

  @PostMapping("/{id}/cancellation")
  ResponseEntity<Void> cancel(
      @PathVariable UUID id, @Valid @RequestBody CancellationRequest request) {
    return done(
        new CancelReferral(id, request.side(), request.reason(), byPhone(request.contactPerson())));
  }

  record ErrorRequest(
      @NotBlank @Size(max = 2000) @Pattern(regexp = Text.MULTI_LINE) String reason) {}

  @PostMapping("/{id}/entered-in-error")
  @Operation(summary = "Supervisor: mark as entered in error (the history stays)")
  ResponseEntity<Void> enteredInError(
      @PathVariable UUID id, @Valid @RequestBody ErrorRequest request) {
    return done(new MarkEnteredInError(id, request.reason()));
  }

  record ReviewRequest(
      @NotNull ReviewKind kind,
      @NotBlank @Size(max = 8000) @Pattern(regexp = Text.MULTI_LINE) String text) {}

  @PostMapping("/{id}/reviews")
  @Operation(summary = "Supervisor: record a finding, concern or approval")
  ResponseEntity<Created> review(@PathVariable UUID id, @Valid @RequestBody ReviewRequest request) {
    UUID reviewId = UUID.randomUUID();
    commands.sendAndWait(new ReviewReferral(id, reviewId, request.kind(), request.text()));
    return Created.at("/api/referrals/" + id, reviewId);
  }
}
