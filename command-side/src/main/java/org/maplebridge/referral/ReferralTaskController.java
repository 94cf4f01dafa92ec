package org.maplebridge.referral;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.spring.authorization.UnauthorizedMessageException;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.maplebridge.events.Actor;
import org.maplebridge.events.Role;
import org.maplebridge.events.referral.AnswerChannel;
import org.maplebridge.events.referral.DeclineReason;
import org.maplebridge.events.referral.ProviderAnswer;
import org.maplebridge.events.referral.ReferralSide;
import org.maplebridge.referral.ReferralCommands.CancelReferral;
import org.maplebridge.referral.ReferralCommands.PutOnHold;
import org.maplebridge.referral.ReferralCommands.RecordAcceptance;
import org.maplebridge.referral.ReferralCommands.RecordAppointment;
import org.maplebridge.referral.ReferralCommands.RecordAttendance;
import org.maplebridge.referral.ReferralCommands.RecordCompletion;
import org.maplebridge.referral.ReferralCommands.RecordDecline;
import org.maplebridge.referral.ReferralCommands.RecordFailure;
import org.maplebridge.referral.ReferralCommands.RecordReceipt;
import org.maplebridge.referral.ReferralCommands.Resume;
import org.maplebridge.write.InvalidInput;
import org.maplebridge.write.NotAllowed;
import org.maplebridge.write.RecordNotFound;
import org.maplebridge.write.RuleViolated;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The provider's own system moves a referral's FHIR Task (the closed-loop referral pattern): the
 * Task's new status, with its business status for appointments, is the provider's answer, given
 * through the FHIR channel. A move the referral does not allow now answers an OperationOutcome with
 * 422 and stores nothing.
 *
 * <p>Status to answer: {@code received} acknowledges; {@code accepted} accepts, or with business
 * status {@code appointment-scheduled} and {@code executionPeriod.start} books or moves the
 * appointment, or with {@code appointment-missed} records a miss; {@code rejected} declines ({@code
 * statusReason}: a decline reason code and text); {@code in-progress} records attendance, or with
 * business status {@code resumed} resumes; {@code on-hold} holds; {@code completed} completes with
 * the outcome in {@code output[0].valueString}; {@code failed} fails; {@code cancelled} cancels for
 * the provider.
 */
@RestController
@Tag(name = "FHIR", description = "Referral exchange in FHIR R4 (application/fhir+json)")
class ReferralTaskController {
  static final String FHIR_JSON = "application/fhir+json";
  private static final ProviderAnswer VIA_FHIR = new ProviderAnswer(AnswerChannel.FHIR, null);

  /** What a patch may set: the fields that carry the provider's answer. */
  private static final Set<String> ANSWER_FIELDS =
      Set.of("/status", "/businessStatus", "/statusReason", "/executionPeriod", "/output");

  private static final ObjectMapper JSON = new ObjectMapper();

  private final CommandGateway commands;

  ReferralTaskController(CommandGateway commands) {
    this.commands = commands;
  }

  @PutMapping(
      value = "/fhir/Task/{id}",
      consumes = {FHIR_JSON, MediaType.APPLICATION_JSON_VALUE},
      produces = {FHIR_JSON, MediaType.APPLICATION_JSON_VALUE})
  @Operation(summary = "Provider staff's system: move the referral's Task (its answer)")
  ResponseEntity<String> update(@PathVariable UUID id, @RequestBody String body, Actor caller) {
    if (!caller.is(Role.PROVIDER)) {
      // The referrer's staff record a provider's call through the API, where it shows as a call.
      return answer(
          HttpStatus.FORBIDDEN,
          OperationOutcome.IssueType.FORBIDDEN,
          "The FHIR exchange is for provider staff");
    }
    Task task;
    try {
      task = FhirContext.forR4Cached().newJsonParser().parseResource(Task.class, body);
    } catch (DataFormatException | ClassCastException e) {
      return answer(HttpStatus.BAD_REQUEST, OperationOutcome.IssueType.STRUCTURE, "Not a Task");
    }
    if (task.hasIdElement() && !id.toString().equals(task.getIdElement().getIdPart())) {
      return answer(
          HttpStatus.BAD_REQUEST, OperationOutcome.IssueType.INVALID, "The Task's id is not " + id);
    }
    try {
      commands.sendAndWait(command(id, task));
    } catch (CommandExecutionException e) {
      return refusal(e.getCause() == null ? e : e.getCause());
    } catch (RuntimeException e) {
      return refusal(e);
    }
    return answer(HttpStatus.OK, OperationOutcome.IssueType.INFORMATIONAL, "Task " + id + " moved");
  }

  @PatchMapping(
      value = "/fhir/Task/{id}",
      consumes = {"application/json-patch+json", FHIR_JSON, MediaType.APPLICATION_JSON_VALUE},
      produces = {FHIR_JSON, MediaType.APPLICATION_JSON_VALUE})
  @Operation(
      summary =
          "Provider staff's system: move the Task by a JSON Patch (add or replace of status,"
              + " businessStatus, statusReason, executionPeriod or output)")
  ResponseEntity<String> patch(@PathVariable UUID id, @RequestBody String body, Actor caller) {
    JsonNode operations;
    try {
      operations = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      return answer(HttpStatus.BAD_REQUEST, OperationOutcome.IssueType.STRUCTURE, "Not JSON");
    }
    if (operations == null || !operations.isArray()) {
      return answer(
          HttpStatus.BAD_REQUEST, OperationOutcome.IssueType.STRUCTURE, "Not a JSON Patch");
    }
    // The answer lies in the fields the patch sets; the rest of the Task is the platform's own.
    ObjectNode task =
        JSON.createObjectNode()
            .put("resourceType", "Task")
            .put("id", id.toString())
            .put("intent", "order");
    for (JsonNode operation : operations) {
      String op = operation.path("op").asText();
      String path = operation.path("path").asText();
      if (!(op.equals("add") || op.equals("replace"))
          || !ANSWER_FIELDS.contains(path)
          || !operation.has("value")) {
        return answer(
            HttpStatus.BAD_REQUEST,
            OperationOutcome.IssueType.NOTSUPPORTED,
            "A patch adds or replaces " + String.join(", ", ANSWER_FIELDS));
      }
      task.set(path.substring(1), operation.get("value"));
    }
    return update(id, task.toString(), caller);
  }

  /** The provider's answer the Task's new status gives. */
  private static Object command(UUID id, Task task) {
    if (!task.hasStatus()) {
      throw new InvalidInput("status", "A Task needs a status");
    }
    String business = task.getBusinessStatus().getText();
    String reason = task.getStatusReason().getText();
    return switch (task.getStatus()) {
      case RECEIVED -> new RecordReceipt(id, VIA_FHIR);
      case ACCEPTED -> {
        if ("appointment-scheduled".equals(business)) {
          if (!task.getExecutionPeriod().hasStart()) {
            throw new InvalidInput("executionPeriod.start", "The appointment needs its time");
          }
          yield new RecordAppointment(
              id, task.getExecutionPeriod().getStart().toInstant(), VIA_FHIR);
        }
        yield "appointment-missed".equals(business)
            ? new RecordAttendance(id, false, VIA_FHIR)
            : new RecordAcceptance(id, VIA_FHIR);
      }
      case REJECTED -> new RecordDecline(id, declineReason(task), reason, VIA_FHIR, null);
      case INPROGRESS ->
          "resumed".equals(business)
              ? new Resume(id, VIA_FHIR)
              : new RecordAttendance(id, true, VIA_FHIR);
      case ONHOLD -> new PutOnHold(id, reason, VIA_FHIR);
      case COMPLETED -> new RecordCompletion(id, outcome(task), VIA_FHIR);
      case FAILED -> new RecordFailure(id, reason == null ? "Failed" : reason, VIA_FHIR);
      case CANCELLED ->
          new CancelReferral(
              id, ReferralSide.PROVIDER, reason == null ? "Cancelled" : reason, VIA_FHIR);
      default ->
          throw new RuleViolated("TheLoopGoesStepByStep", "No answer is " + task.getStatus());
    };
  }

  private static DeclineReason declineReason(Task task) {
    return task.getStatusReason().getCoding().stream()
        .map(coding -> coding.getCode())
        .flatMap(
            code ->
                Arrays.stream(DeclineReason.values()).filter(reason -> reason.name().equals(code)))
        .findFirst()
        .orElse(DeclineReason.OTHER);
  }

  private static String outcome(Task task) {
    return task.getOutput().stream()
        .map(Task.TaskOutputComponent::getValue)
        .filter(StringType.class::isInstance)
        .map(value -> ((StringType) value).getValue())
        .filter(text -> text != null && !text.isBlank())
        .findFirst()
        .orElseThrow(
            () -> new InvalidInput("output", "A completed Task gives its outcome as text"));
  }

  /** What the referral's rules said, as FHIR says it. */
  private static ResponseEntity<String> refusal(Throwable cause) {
    if (cause instanceof RuleViolated rule) {
      return answer(
          HttpStatus.UNPROCESSABLE_ENTITY,
          OperationOutcome.IssueType.BUSINESSRULE,
          rule.getMessage());
    }
    if (cause instanceof RecordNotFound) {
      return answer(HttpStatus.NOT_FOUND, OperationOutcome.IssueType.NOTFOUND, "No such Task");
    }
    if (cause instanceof NotAllowed || cause instanceof UnauthorizedMessageException) {
      return answer(
          HttpStatus.FORBIDDEN,
          OperationOutcome.IssueType.FORBIDDEN,
          "Only the provider's staff move its Tasks");
    }
    if (cause instanceof InvalidInput invalid) {
      return answer(
          HttpStatus.BAD_REQUEST, OperationOutcome.IssueType.INVALID, invalid.getMessage());
    }
    if (cause instanceof RuntimeException runtime) {
      throw runtime;
    }
    throw new IllegalStateException(cause);
  }

  private static ResponseEntity<String> answer(
      HttpStatus status, OperationOutcome.IssueType type, String text) {
    OperationOutcome outcome = new OperationOutcome();
    outcome
        .addIssue()
        .setSeverity(
            status.is2xxSuccessful()
                ? OperationOutcome.IssueSeverity.INFORMATION
                : OperationOutcome.IssueSeverity.ERROR)
        .setCode(type)
        .setDiagnostics(text);
    return ResponseEntity.status(status)
        .contentType(MediaType.parseMediaType(FHIR_JSON))
        .body(FhirContext.forR4Cached().newJsonParser().encodeResourceToString(outcome));
  }
}
