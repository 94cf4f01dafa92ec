package org.maplebridge.caseload;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A case as one viewer may see it; parts outside the viewer's scope are absent or masked. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IntakeDetails(
    UUID id,
    String clientReference,
    UUID clientId,
    Client client,
    String status,
    String unit,
    String source,
    String concern,
    String requestedUrgency,
    List<String> populationGroups,
    String gridArea,
    String openedBy,
    Instant openedAt,
    Triage triage,
    String priority,
    String assignedCounsellor,
    List<String> careTeam,
    List<Consent> consents,
    List<String> activeConsents,
    List<Screening> screenings,
    List<Note> notes,
    boolean riskFlag,
    String crisisAlert,
    Closure closure,
    String scope,
    @JsonIgnore long version) {

  /** Identity, or for a masked view the initials and year of birth only. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Client(
      String name,
      LocalDate birthDate,
      Integer birthYear,
      String phone,
      String nationalId,
      String address,
      boolean masked) {}

  public record Triage(String priority, String rationale, String triagedBy, Instant triagedAt) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Consent(
      String scope,
      String givenBy,
      String method,
      String recordedBy,
      Instant recordedAt,
      boolean withdrawn) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Screening(
      UUID id,
      String instrument,
      String instrumentVersion,
      List<Integer> answers,
      Boolean recentBehaviour,
      Integer total,
      String band,
      List<String> flags,
      String risk,
      String recordedBy,
      Instant recordedAt) {}

  public record Note(UUID id, String text, String author, Instant writtenAt) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Closure(String reason, String summary, String closedBy, Instant closedAt) {}
}
