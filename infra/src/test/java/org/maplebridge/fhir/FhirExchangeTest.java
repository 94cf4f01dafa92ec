package org.maplebridge.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;
import org.maplebridge.Api;
import org.maplebridge.Api.Response;
import org.maplebridge.PlatformTest;

/**
 * The provider's own system runs the closed loop through {@code /fhir} alone: it finds the Task of
 * a referral sent to its organisation, reads the ServiceRequest (the person by initials until it
 * accepts, the disclosed fields after), and moves the Task; a move the referral does not allow is a
 * 422 that stores nothing. Every resource served validates against base R4 with HAPI's validator.
 */
public class FhirExchangeTest extends PlatformTest {
  private static final FhirContext FHIR = FhirContext.forR4Cached();
  private static final String FHIR_JSON = "application/fhir+json";
  private static final FhirValidator VALIDATOR = validator();

  private static FhirValidator validator() {
    ValidationSupportChain support =
        new ValidationSupportChain(
            new DefaultProfileValidationSupport(FHIR),
            new InMemoryTerminologyServerValidationSupport(FHIR),
            new CommonCodeSystemsTerminologyService(FHIR));
    FhirValidator validator = FHIR.newValidator();
    validator.registerValidatorModule(new FhirInstanceValidator(support));
    return validator;
  }

  /** The response is FHIR JSON that base R4 finds no error in. */
  public static Response valid(Response response) {
    assertThat(response.header("Content-Type")).as(response.toString()).startsWith(FHIR_JSON);
    List<SingleValidationMessage> errors =
        VALIDATOR.validateWithResult(response.body()).getMessages().stream()
            .filter(
                message ->
                    message.getSeverity() == ResultSeverityEnum.ERROR
                        || message.getSeverity() == ResultSeverityEnum.FATAL)
            .toList();
    assertThat(errors).as(response.body()).isEmpty();
    return response;
  }

  private static String northDistrictCentre() {
    return UUID.nameUUIDFromBytes(
            "demo-provider:North District Mental Health Centre".getBytes(StandardCharsets.UTF_8))
        .toString();
  }

  private static Api after(Api who, Response write) {
    return who.with("X-Consistency-Token", write.header("X-Consistency-Token"));
  }

  private Response move(Api pia, String id, Task task) {
    return pia.put(
        "/fhir/Task/" + id, FHIR.newJsonParser().encodeResourceToString(task), FHIR_JSON);
  }

  private static Bundle bundle(Response response) {
    return FHIR.newJsonParser().parseResource(Bundle.class, response.body());
  }

  private static Task task(Response response) {
    return FHIR.newJsonParser().parseResource(Task.class, response.body());
  }

  @Test
  void theProvidersSystemRunsTheLoopThroughFhirAndEveryResourceValidates() {
    Api alice = as("alice");
    String clinic = northDistrictCentre();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> alice.get("/api/providers/" + clinic).status() == 200);
    String intake = alice.post("/api/intakes", NEW_CLIENT_INTAKE).id();
    alice.post(
        "/api/intakes/" + intake + "/consents",
        "{\"scope\":\"REFERRAL_SHARING\",\"givenBy\":\"CLIENT\",\"method\":\"WRITTEN\"}");
    String id =
        alice
            .post(
                "/api/referrals",
                """
                {"intakeId":"%s","serviceType":"PSYCHIATRIC_ASSESSMENT","providerId":"%s",
                 "urgency":"URGENT","reason":"FHIR test: psychiatric assessment",
                 "disclosedFields":["NAME","PHONE"]}"""
                    .formatted(intake, clinic))
            .id();
    Response sent = alice.post("/api/referrals/" + id + "/sending", "");
    Api pia = after(as("pia"), sent);

    assertThat(valid(pia.get("/fhir/metadata")).body()).contains("CapabilityStatement", "Task");
    Response search =
        valid(pia.get("/fhir/Task?owner=Organization/" + clinic + "&status=requested"));
    Bundle bundle = FHIR.newJsonParser().parseResource(Bundle.class, search.body());
    assertThat(bundle.getEntry())
        .anySatisfy(
            entry -> assertThat(entry.getResource().getIdElement().getIdPart()).isEqualTo(id));
    Task requested = task(valid(pia.get("/fhir/Task/" + id)));
    assertThat(requested.getStatus()).isEqualTo(Task.TaskStatus.REQUESTED);
    assertThat(requested.getOwner().getReference()).isEqualTo("Organization/" + clinic);
    Response summary = valid(pia.get("/fhir/ServiceRequest/" + id));
    assertThat(summary.body()).contains("L.W.", "FHIR test: psychiatric assessment", "urgent");
    assertThat(summary.body()).doesNotContain("Li Wei", "+86 138");
    assertThat(valid(after(as("paul"), sent).get("/fhir/Task/" + id)).status())
        .as("another provider's system")
        .isEqualTo(404);
    assertThat(valid(after(alice, sent).get("/fhir/Task/" + id)).status())
        .as("the referrer's staff use the API")
        .isEqualTo(403);

    Response received =
        valid(
            pia.patch(
                "/fhir/Task/" + id,
                "[{\"op\":\"replace\",\"path\":\"/status\",\"value\":\"received\"}]",
                "application/json-patch+json"));
    assertThat(received.status()).as(received.body()).isEqualTo(200);
    long before = eventsOf(id);
    Response tooEarly =
        valid(
            move(
                pia,
                id,
                task(after(pia, received).get("/fhir/Task/" + id))
                    .setStatus(Task.TaskStatus.COMPLETED)
                    .addOutput(new Task.TaskOutputComponent().setValue(new StringType("Seen")))));
    assertThat(tooEarly.status()).as("completed before accepted").isEqualTo(422);
    assertThat(eventsOf(id)).as("a refused move stores nothing").isEqualTo(before);

    Response accepted = valid(move(pia, id, requested.setStatus(Task.TaskStatus.ACCEPTED)));
    assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
    Response disclosed = valid(after(pia, accepted).get("/fhir/ServiceRequest/" + id));
    assertThat(disclosed.body()).contains("Li Wei", "+86 138");
    assertThat(disclosed.body()).doesNotContain("1990-03-04", "Maple Road", "Low mood");

    Task booking = task(after(pia, accepted).get("/fhir/Task/" + id));
    booking.getBusinessStatus().setText("appointment-scheduled");
    booking.getExecutionPeriod().setStart(Date.from(Instant.parse("2026-12-03T01:30:00Z")));
    Response booked = valid(move(pia, id, booking));
    assertThat(booked.status()).as(booked.body()).isEqualTo(200);
    Task scheduled = task(valid(after(pia, booked).get("/fhir/Task/" + id)));
    assertThat(scheduled.getBusinessStatus().getText()).isEqualTo("appointment-scheduled");

    Response attended = valid(move(pia, id, scheduled.setStatus(Task.TaskStatus.INPROGRESS)));
    assertThat(attended.status()).as(attended.body()).isEqualTo(200);
    Task inProgress = task(valid(after(pia, attended).get("/fhir/Task/" + id)));
    assertThat(inProgress.getStatus()).isEqualTo(Task.TaskStatus.INPROGRESS);
    Response completed =
        valid(
            move(
                pia,
                id,
                inProgress
                    .setStatus(Task.TaskStatus.COMPLETED)
                    .addOutput(
                        new Task.TaskOutputComponent()
                            .setValue(new StringType("Assessed, follow-up arranged")))));
    assertThat(completed.status()).as(completed.body()).isEqualTo(200);
    assertThat(valid(after(pia, completed).get("/fhir/ServiceRequest/" + id)).status())
        .as("a final state ends the provider's reach to the person")
        .isEqualTo(404);
    Task done = task(valid(after(pia, completed).get("/fhir/Task/" + id)));
    assertThat(done.getStatus()).isEqualTo(Task.TaskStatus.COMPLETED);
    assertThat(done.getOutput())
        .singleElement()
        .satisfies(
            output ->
                assertThat(output.getValue().primitiveValue())
                    .isEqualTo("Assessed, follow-up arranged"));
    Instant beforeCompletion = inProgress.getMeta().getLastUpdated().toInstant();
    assertThat(done.getMeta().getLastUpdated().toInstant()).isAfter(beforeCompletion);

    Bundle changed = bundle(valid(pia.get("/fhir/Task?_lastUpdated=gt" + beforeCompletion)));
    assertThat(changed.getEntry())
        .as("a system polling for changes learns how the Task ended")
        .anySatisfy(entry -> assertThat(entry.getFullUrl()).endsWith("Task/" + id));
    assertThat(
            bundle(
                    valid(
                        pia.get(
                            "/fhir/Task?_lastUpdated=lt"
                                + beforeCompletion
                                + "&_lastUpdated=ge"
                                + requested.getMeta().getLastUpdated().toInstant())))
                .getEntry())
        .as("changed since it was requested, not since it last moved")
        .noneSatisfy(entry -> assertThat(entry.getFullUrl()).endsWith("Task/" + id));
    assertThat(bundle(valid(pia.get("/fhir/Task?_lastUpdated=le" + beforeCompletion))).getEntry())
        .noneSatisfy(entry -> assertThat(entry.getFullUrl()).endsWith("Task/" + id));
    assertThat(
            bundle(valid(pia.get("/fhir/Task?_lastUpdated=" + LocalDate.now(ZoneOffset.UTC))))
                .getEntry())
        .as("a day covers the whole day")
        .anySatisfy(entry -> assertThat(entry.getFullUrl()).endsWith("Task/" + id));
    Response nonsense = valid(pia.get("/fhir/Task?_lastUpdated=ge-soon"));
    assertThat(nonsense.status()).isEqualTo(400);
    assertThat(nonsense.body()).contains("OperationOutcome", "_lastUpdated");

    String completion =
        jdbc.sql(
                "SELECT convert_from(payload, 'UTF8') FROM domainevententry"
                    + " WHERE aggregateidentifier = :id AND payloadtype LIKE '%.ReferralCompleted'")
            .param("id", id)
            .query(String.class)
            .single();
    assertThat(completion).contains("\"recordedBy\":\"pia\"", "\"channel\":\"FHIR\"");
    Response closed = alice.post("/api/referrals/" + id + "/loop-closure", "");
    assertThat(closed.status()).isEqualTo(204);
  }

  @Test
  void theValidatorFindsTheErrorsOfAnInvalidTask() {
    assertThat(
            VALIDATOR
                .validateWithResult("{\"resourceType\":\"Task\",\"status\":\"busy\"}")
                .getMessages())
        .as("no intent, and a status R4 does not know")
        .anyMatch(message -> message.getSeverity() == ResultSeverityEnum.ERROR);
  }
}
