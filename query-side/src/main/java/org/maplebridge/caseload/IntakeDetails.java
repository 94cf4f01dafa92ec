package org.maplebridge.caseload;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.maplebridge.events.ClinicalData;
import org.maplebridge.events.PersonalData;
import org.maplebridge.read.MarksMasking;
import org.maplebridge.read.ScopedView;
import org.maplebridge.read.ShownAsInitials;
import org.maplebridge.scope.Scope;

/**
 * A case, read whole; on its way to the viewer the parts outside their scope are left out or
 * masked, by the markers below ({@link org.maplebridge.read.ScopedViews}). {@code triageFloor}: the
 * lowest priority its screenings allow (null: any).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IntakeDetails(
    UUID id,
    String clientReference,
    @PersonalData UUID clientId,
    Client client,
    String status,
    String unit,
    String source,
    @ClinicalData String concern,
    String requestedUrgency,
    List<String> populationGroups,
    String gridArea,
    String openedBy,
    Instant openedAt,
    Triage triage,
    String priority,
    String assignedCounsellor,
    List<String> careTeam,
    List<CaseloadItem.Notice> notices,
    List<Consent> consents,
    List<String> activeConsents,
    List<Screening> screenings,
    @ClinicalData List<Note> notes,
    List<CaseloadItem.Review> reviews,
    boolean riskFlag,
    String crisisAlert,
    String triageFloor,
    Closure closure,
    Scope scope,
    @JsonIgnore long version)
    implements ScopedView {

  @Override
  public Look look() {
    return new Look("INTAKE", id, unit);
  }

  /** Identity, or for a masked view the initials and year of birth only. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Client(
      @PersonalData @ShownAsInitials String name,
      @PersonalData LocalDate birthDate,
      Integer birthYear,
      @PersonalData String phone,
      @PersonalData String nationalId,
      @PersonalData String address,
      @MarksMasking boolean masked) {}

  public record Triage(
      String priority, @ClinicalData String rationale, String triagedBy, Instant triagedAt) {}

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
      @ClinicalData List<Integer> answers,
      @ClinicalData Boolean recentBehaviour,
      @ClinicalData Integer total,
      @ClinicalData String band,
      List<String> flags,
      String risk,
      String recordedBy,
      Instant recordedAt) {}

  public record Note(UUID id, String text, String author, Instant writtenAt) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Closure(
      String reason, @ClinicalData String summary, String closedBy, Instant closedAt) {}
}
