package org.maplebridge.referrals;

import ca.uhn.fhir.context.FhirContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.maplebridge.events.Actor;
import org.maplebridge.events.Erased;
import org.maplebridge.events.Role;
import org.maplebridge.events.referral.ReferralStatus;
import org.maplebridge.referrals.ProviderReferrals.FindProviderReferral;
import org.maplebridge.referrals.ProviderReferrals.FindProviderTask;
import org.maplebridge.referrals.ProviderReferrals.FindProviderTasks;
import org.maplebridge.referrals.ProviderReferrals.ProviderReferral;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The referral exchange in FHIR R4 for providers' own systems, after the closed-loop referral
 * pattern (HL7 Gravity SDOH): each referral sent to a provider is a {@code ServiceRequest} (the
 * person, as a contained {@code Patient} with only what the referral disclosed at its stage; the
 * reason; the priority from the urgency; the performer) and a {@code Task} the provider owns, whose
 * status follows the loop. Read from the provider's view of the referral, so the same scope and
 * access recording apply as to its pages. The provider moves the Task on the write side.
 */
public final class ReferralFhir {
  public static final String FHIR_JSON = "application/fhir+json";

  /** Where an appointment stands, in the Task's business status (its status stays "accepted"). */
  public static final String APPOINTMENT_SCHEDULED = "appointment-scheduled";

  public static final String APPOINTMENT_MISSED = "appointment-missed";

  private ReferralFhir() {}

  static Task.TaskStatus taskStatus(ReferralStatus status) {
    return switch (status) {
      case REQUESTED -> Task.TaskStatus.REQUESTED;
      case RECEIVED -> Task.TaskStatus.RECEIVED;
      case ACCEPTED, SCHEDULED, MISSED -> Task.TaskStatus.ACCEPTED;
      case DECLINED -> Task.TaskStatus.REJECTED;
      case IN_PROGRESS -> Task.TaskStatus.INPROGRESS;
      case ON_HOLD -> Task.TaskStatus.ONHOLD;
      case COMPLETED, LOOP_CLOSED -> Task.TaskStatus.COMPLETED;
      case FAILED -> Task.TaskStatus.FAILED;
      case CANCELLED -> Task.TaskStatus.CANCELLED;
      case ENTERED_IN_ERROR -> Task.TaskStatus.ENTEREDINERROR;
    };
  }

  static Task task(ProviderReferral referral) {
    ReferralStatus status = ReferralStatus.valueOf(referral.status());
    Task task = new Task();
    task.setId(referral.id().toString());
    task.getMeta().setVersionId(Long.toString(referral.version()));
    task.getMeta().setLastUpdated(date(referral.updatedAt()));
    task.setStatus(taskStatus(status));
    if (status == ReferralStatus.SCHEDULED) {
      task.getBusinessStatus().setText(APPOINTMENT_SCHEDULED);
    } else if (status == ReferralStatus.MISSED) {
      task.getBusinessStatus().setText(APPOINTMENT_MISSED);
    }
    task.setIntent(Task.TaskIntent.ORDER);
    task.setPriority(
        switch (referral.urgency()) {
          case "EMERGENCY" -> Task.TaskPriority.STAT;
          case "URGENT" -> Task.TaskPriority.URGENT;
          default -> Task.TaskPriority.ROUTINE;
        });
    task.getCode()
        .addCoding()
        .setSystem("http://hl7.org/fhir/CodeSystem/task-code")
        .setCode("fulfill");
    task.setFocus(new Reference("ServiceRequest/" + referral.id()));
    task.setOwner(new Reference("Organization/" + referral.providerId()));
    task.setAuthoredOn(date(referral.sentAt()));
    if (referral.appointmentAt() != null) {
      task.getExecutionPeriod().setStart(date(referral.appointmentAt()));
    }
    if (referral.nextDeadline() != null) {
      task.getRestriction().getPeriod().setEnd(date(referral.nextDeadline()));
    }
    if (referral.sharingEndedAt() != null) {
      // The provider's system is told as its staff are: the person's details went, and why.
      task.addNote()
          .setTime(date(referral.sharingEndedAt()))
          .setText(
              "The person withdrew their consent to share: their details are no longer"
                  + " available to you");
    }
    if (kept(referral.outcome()) != null) {
      // The outcome the provider reported on completion, as the provider's system gave it.
      Task.TaskOutputComponent output = task.addOutput();
      output.getType().setText("outcome");
      output.setValue(new StringType(referral.outcome()));
    }
    return task;
  }

  /**
   * A text field as FHIR carries it: an erased person's field is left out (null), never sent as the
   * literal that stands for it, which a provider's system would take for a name or a reason.
   */
  private static String kept(String text) {
    return Erased.TEXT.equals(text) ? null : text;
  }

  static ServiceRequest serviceRequest(ProviderReferral referral) {
    ServiceRequest request = new ServiceRequest();
    request.setId(referral.id().toString());
    request.setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE);
    request.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
    request.setPriority(
        switch (referral.urgency()) {
          case "EMERGENCY" -> ServiceRequest.ServiceRequestPriority.STAT;
          case "URGENT" -> ServiceRequest.ServiceRequestPriority.URGENT;
          default -> ServiceRequest.ServiceRequestPriority.ROUTINE;
        });
    request.getCode().setText(referral.serviceType());
    Patient person = new Patient();
    person.setId("person");
    // Until the provider accepts, the person is known by initials (and age) only.
    String name = kept(referral.name()) != null ? referral.name() : kept(referral.initials());
    if (name != null) {
      person.addName().setText(name);
    }
    if (referral.birthDate() != null) {
      person.setBirthDate(java.sql.Date.valueOf(referral.birthDate()));
    }
    if (kept(referral.phone()) != null) {
      person
          .addTelecom()
          .setSystem(ContactPoint.ContactPointSystem.PHONE)
          .setValue(referral.phone());
    }
    if (kept(referral.address()) != null) {
      person.addAddress().setText(referral.address());
    }
    if (kept(referral.nationalId()) != null) {
      person
          .addIdentifier()
          .setSystem("urn:maplebridge:national-id")
          .setValue(referral.nationalId());
    }
    request.addContained(person);
    request.setSubject(new Reference("#person"));
    request.setRequester(new Reference().setDisplay("MapleBridge, unit " + referral.unit()));
    request.addPerformer(new Reference("Organization/" + referral.providerId()));
    request.setAuthoredOn(date(referral.sentAt()));
    if (kept(referral.reason()) != null) {
      request.addReasonCode().setText(referral.reason());
    }
    if (referral.age() != null) {
      request.addNote().setText("Age " + referral.age());
    }
    if (kept(referral.concern()) != null) {
      request.addNote().setText(referral.concern());
    }
    if (referral.consentBasis() != null) {
      request.addSupportingInfo(
          new Reference().setDisplay("Sharing basis: " + referral.consentBasis()));
    }
    return request;
  }

  static CapabilityStatement capabilities() {
    CapabilityStatement statement = new CapabilityStatement();
    statement.setStatus(Enumerations.PublicationStatus.ACTIVE);
    statement.setDate(new Date());
    statement.setKind(CapabilityStatement.CapabilityStatementKind.INSTANCE);
    statement.setFhirVersion(Enumerations.FHIRVersion._4_0_1);
    statement.addFormat("json");
    statement.getSoftware().setName("MapleBridge");
    statement
        .getImplementation()
        .setDescription("MapleBridge referral exchange: ServiceRequest and Task for providers")
        .setUrl(ServletUriComponentsBuilder.fromCurrentContextPath().path("/fhir").toUriString());
    CapabilityStatement.CapabilityStatementRestComponent rest = statement.addRest();
    rest.setMode(CapabilityStatement.RestfulCapabilityMode.SERVER);
    CapabilityStatement.CapabilityStatementRestResourceComponent task = rest.addResource();
    task.setType("Task");
    task.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.READ);
    task.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.SEARCHTYPE);
    task.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.UPDATE);
    task.addSearchParam()
        .setName("owner")
        .setType(Enumerations.SearchParamType.REFERENCE)
        .setDocumentation("The provider's Organization: the caller's own");
    task.addSearchParam().setName("status").setType(Enumerations.SearchParamType.TOKEN);
    task.addSearchParam()
        .setName("_lastUpdated")
        .setType(Enumerations.SearchParamType.DATE)
        .setDocumentation(
            "When the Task last changed; prefixes eq (the default), ge, gt, le, lt, repeatable."
                + " Tasks that reached a final state are found too, without the person");
    CapabilityStatement.CapabilityStatementRestResourceComponent request = rest.addResource();
    request.setType("ServiceRequest");
    request.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.READ);
    return statement;
  }

  public static OperationOutcome outcome(
      OperationOutcome.IssueSeverity severity, OperationOutcome.IssueType type, String text) {
    OperationOutcome outcome = new OperationOutcome();
    outcome.addIssue().setSeverity(severity).setCode(type).setDiagnostics(text);
    return outcome;
  }

  public static ResponseEntity<String> answer(HttpStatus status, Resource resource) {
    return ResponseEntity.status(status)
        .contentType(MediaType.parseMediaType(FHIR_JSON))
        .body(FhirContext.forR4Cached().newJsonParser().encodeResourceToString(resource));
  }

  private static ResponseEntity<String> notFound(String what) {
    return answer(
        HttpStatus.NOT_FOUND,
        outcome(OperationOutcome.IssueSeverity.ERROR, OperationOutcome.IssueType.NOTFOUND, what));
  }

  /**
   * The span {@code _lastUpdated} asks for, as FHIR search reads a date: each value covers its own
   * precision (a day, a second...); {@code eq} (the default) the values within it, {@code ge} from
   * its start, {@code gt} from its end, {@code le} until its end, {@code lt} until its start.
   * Several values must all hold (an intersection); empty when they exclude each other.
   */
  record UpdatedWithin(Instant from, Instant before) {

    static Optional<UpdatedWithin> of(List<String> values) {
      Instant from = null;
      Instant before = null;
      for (String value : values) {
        String prefix = value.length() > 2 ? value.substring(0, 2) : "";
        boolean prefixed = List.of("eq", "ge", "gt", "le", "lt").contains(prefix);
        DateTimeType date;
        try {
          date = new DateTimeType(prefixed ? value.substring(2) : value);
        } catch (RuntimeException e) {
          throw new IllegalArgumentException("not a FHIR date or dateTime: " + value);
        }
        if (date.getValue() == null) {
          throw new IllegalArgumentException("not a FHIR date or dateTime: " + value);
        }
        Instant start = date.getValue().toInstant();
        DateTimeType next = date.copy();
        next.add(date.getPrecision().getCalendarConstant(), 1);
        Instant end = next.getValue().toInstant();
        switch (prefixed ? prefix : "eq") {
          case "ge" -> from = later(from, start);
          case "gt" -> from = later(from, end);
          case "le" -> before = earlier(before, end);
          case "lt" -> before = earlier(before, start);
          default -> {
            from = later(from, start);
            before = earlier(before, end);
          }
        }
      }
      return from != null && before != null && !from.isBefore(before)
          ? Optional.empty()
          : Optional.of(new UpdatedWithin(from, before));
    }

    private static Instant later(Instant bound, Instant other) {
      return bound == null || other.isAfter(bound) ? other : bound;
    }

    private static Instant earlier(Instant bound, Instant other) {
      return bound == null || other.isBefore(bound) ? other : bound;
    }
  }

  private static Date date(Instant instant) {
    return instant == null ? null : Date.from(instant);
  }

  @RestController
  @Tag(name = "FHIR", description = "Referral exchange in FHIR R4 (application/fhir+json)")
  static class Api {
    private final QueryGateway queries;

    Api(QueryGateway queries) {
      this.queries = queries;
    }

    @GetMapping(
        value = "/fhir/metadata",
        produces = {FHIR_JSON, MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "The CapabilityStatement of the referral exchange")
    ResponseEntity<String> metadata() {
      return answer(HttpStatus.OK, capabilities());
    }

    @GetMapping(
        value = "/fhir/Task",
        produces = {FHIR_JSON, MediaType.APPLICATION_JSON_VALUE})
    @Operation(
        summary =
            "Provider staff: the Tasks of the referrals sent to their organisation (owner"
                + " Organization/{id}, status a Task status), as a searchset Bundle")
    ResponseEntity<String> tasks(
        @RequestParam(required = false) String owner,
        @RequestParam(required = false) String status,
        @RequestParam(name = "_lastUpdated", required = false) List<String> lastUpdated,
        Actor viewer) {
      Optional<ResponseEntity<String>> refused = refused(viewer);
      if (refused.isPresent()) {
        return refused.get();
      }
      Optional<UpdatedWithin> within;
      try {
        within = UpdatedWithin.of(lastUpdated == null ? List.of() : lastUpdated);
      } catch (IllegalArgumentException e) {
        return answer(
            HttpStatus.BAD_REQUEST,
            outcome(
                OperationOutcome.IssueSeverity.ERROR,
                OperationOutcome.IssueType.INVALID,
                "_lastUpdated: " + e.getMessage()));
      }
      if (within.isEmpty()) {
        return answer(HttpStatus.OK, searchset(List.of()));
      }
      boolean ownerIsTheCaller =
          owner == null
              || owner.equals("Organization/" + viewer.provider())
              || owner.equals(viewer.provider().toString());
      List<ProviderReferral> referrals =
          ownerIsTheCaller
              ? queries
                  .query(
                      new FindProviderTasks(viewer, within.get().from(), within.get().before()),
                      ResponseTypes.multipleInstancesOf(ProviderReferral.class))
                  .join()
              : List.of();
      return answer(
          HttpStatus.OK,
          searchset(
              referrals.stream()
                  .map(ReferralFhir::task)
                  .filter(task -> status == null || task.getStatus().toCode().equals(status))
                  .toList()));
    }

    private static Bundle searchset(List<Task> tasks) {
      Bundle bundle = new Bundle();
      bundle.setType(Bundle.BundleType.SEARCHSET);
      String base =
          ServletUriComponentsBuilder.fromCurrentContextPath().path("/fhir/").toUriString();
      for (Task task : tasks) {
        bundle
            .addEntry()
            .setFullUrl(base + "Task/" + task.getIdElement().getIdPart())
            .setResource(task)
            .getSearch()
            .setMode(Bundle.SearchEntryMode.MATCH);
      }
      bundle.setTotal(bundle.getEntry().size());
      return bundle;
    }

    @GetMapping(
        value = "/fhir/Task/{id}",
        produces = {FHIR_JSON, MediaType.APPLICATION_JSON_VALUE})
    @Operation(
        summary =
            "Provider staff: the Task of a referral sent to their organisation (in a final"
                + " state too: its status and outcome)")
    ResponseEntity<String> task(@PathVariable UUID id, Actor viewer) {
      return refused(viewer)
          .orElseGet(
              () ->
                  queries
                      .query(
                          new FindProviderTask(id, viewer),
                          ResponseTypes.optionalInstanceOf(ProviderReferral.class))
                      .join()
                      .map(referral -> answer(HttpStatus.OK, ReferralFhir.task(referral)))
                      .orElseGet(() -> notFound("Task/" + id)));
    }

    @GetMapping(
        value = "/fhir/ServiceRequest/{id}",
        produces = {FHIR_JSON, MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "Provider staff: the ServiceRequest of a referral sent to them")
    ResponseEntity<String> serviceRequest(@PathVariable UUID id, Actor viewer) {
      return refused(viewer)
          .orElseGet(
              () ->
                  find(id, viewer)
                      .map(referral -> answer(HttpStatus.OK, ReferralFhir.serviceRequest(referral)))
                      .orElseGet(() -> notFound("ServiceRequest/" + id)));
    }

    private Optional<ProviderReferral> find(UUID id, Actor viewer) {
      return queries
          .query(
              new FindProviderReferral(id, viewer),
              ResponseTypes.optionalInstanceOf(ProviderReferral.class))
          .join();
    }

    /** The exchange is for providers' staff and systems; the referrer's staff use the API. */
    private static Optional<ResponseEntity<String>> refused(Actor viewer) {
      if (viewer.is(Role.PROVIDER)) {
        return Optional.empty();
      }
      return Optional.of(
          answer(
              HttpStatus.FORBIDDEN,
              outcome(
                  OperationOutcome.IssueSeverity.ERROR,
                  OperationOutcome.IssueType.FORBIDDEN,
                  "The FHIR exchange is for provider staff")));
    }
  }
}
