package org.maplebridge.crisisboard;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.maplebridge.events.ClinicalData;
import org.maplebridge.events.PersonalData;
import org.maplebridge.oncall.OnCallGaps;
import org.maplebridge.read.ScopedView;
import org.maplebridge.scope.Scope;

/** The shapes the crisis read API answers with. */
public final class CrisisViews {
  private CrisisViews() {}

  /**
   * The open episodes, and where the on-call roster leaves a tier with nobody in the next day; for
   * the episodes with recorded whereabouts, where to call the person back and send help (shown and
   * recorded as a look at the episode, like the episode page).
   */
  public record CrisisBoard(
      String unit,
      Instant at,
      List<BoardItem> items,
      List<OnCallGaps.Gap> rosterGaps,
      List<Whereabouts> whereabouts) {}

  /**
   * Where the person can be called back and found, as last recorded: a number, where they are in
   * their words, the area (district, street or grid) when known.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Whereabouts(
      UUID crisisId,
      @PersonalData String callbackNumber,
      @PersonalData String location,
      String area,
      String recordedBy,
      Instant recordedAt,
      @JsonIgnore String unit,
      @JsonIgnore Scope scope)
      implements ScopedView {

    @Override
    public Look look() {
      return new Look("CRISIS", crisisId, unit);
    }
  }

  /**
   * One row of the board: who and what (channel, caller, the client's reference and a short summary
   * where the viewer's scope shows them, who took the call), the deadline next due and which one it
   * is, the last deadline missed (kept after the ladder climbed). The API lists every open episode;
   * of one client's several, the board page shows one row (the most urgent, with {@code contacts}
   * counting them) and the others name it in {@code sameClientAs}. A row shows the client's
   * reference and the summary only as far as the viewer's scope does, and each row shown is a
   * recorded look.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record BoardItem(
      UUID crisisId,
      String status,
      String channel,
      String caller,
      @PersonalData String clientReference,
      @ClinicalData String summary,
      String openedBy,
      String risk,
      String tier,
      UUID escalationId,
      Boolean acknowledged,
      String acknowledgedBy,
      Instant deadline,
      Long secondsLeft,
      int missedDeadlines,
      String rescue,
      Instant rescueConfirmBy,
      Instant followUpDue,
      boolean followUpOverdue,
      int failedFollowUps,
      boolean lostToFollowUp,
      boolean consultRequested,
      boolean closurePending,
      Instant nextDeadline,
      String nextDeadlineKind,
      String lastMissedTier,
      Instant lastMissedAt,
      int contacts,
      UUID sameClientAs,
      Instant openedAt,
      String lastContactChannel,
      Instant lastContactAt,
      @JsonIgnore String unit,
      @JsonIgnore Scope scope)
      implements ScopedView {

    @Override
    public Look look() {
      return new Look("CRISIS", crisisId, unit);
    }

    /**
     * The row as the board shows it among the client's open episodes: the first (most urgent) of
     * them counts them all; each other one names it, and the board page shows it within that row.
     */
    BoardItem ofClient(int episodes, UUID first) {
      return new BoardItem(
          crisisId,
          status,
          channel,
          caller,
          clientReference,
          summary,
          openedBy,
          risk,
          tier,
          escalationId,
          acknowledged,
          acknowledgedBy,
          deadline,
          secondsLeft,
          missedDeadlines,
          rescue,
          rescueConfirmBy,
          followUpDue,
          followUpOverdue,
          failedFollowUps,
          lostToFollowUp,
          consultRequested,
          closurePending,
          nextDeadline,
          nextDeadlineKind,
          lastMissedTier,
          lastMissedAt,
          first == null ? episodes : 1,
          first,
          openedAt,
          lastContactChannel,
          lastContactAt,
          unit,
          scope);
    }
  }

  /** What waits for the viewer's own acknowledgement: the episodes, no one's identity. */
  public record WaitingForMe(int count, List<UUID> crises) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record CrisisDetails(
      UUID id,
      String unit,
      String status,
      String channel,
      String caller,
      @PersonalData UUID clientId,
      UUID intakeId,
      @ClinicalData String summary,
      String openedBy,
      Instant openedAt,
      Whereabouts whereabouts,
      String risk,
      String highestRisk,
      boolean consultRequested,
      String consultedBy,
      @ClinicalData String consultAdvice,
      List<Escalation> escalations,
      Rescue rescue,
      Integer safetyPlanVersion,
      @ClinicalData Map<String, Object> safetyPlan,
      List<FollowUp> followUps,
      List<Contact> contacts,
      List<EmergencyAccess> emergencyAccesses,
      int failedFollowUps,
      boolean lostToFollowUp,
      boolean deescalated,
      boolean closurePending,
      Closure closure,
      List<String> allowedActions,
      Scope scope,
      @JsonIgnore long version)
      implements ScopedView {

    @Override
    public Look look() {
      return new Look("CRISIS", id, unit);
    }
  }

  /**
   * Beside the episode's own steps: requesting a referral from it, a step of the referral loop
   * offered to whoever sees the episode's clinical part while it is open.
   */
  public static final String REQUEST_REFERRAL = "REQUEST_REFERRAL";

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Escalation(
      UUID id,
      String tier,
      String risk,
      @ClinicalData String reason,
      String raisedBy,
      @JsonIgnore String escalatedBy,
      Instant raisedAt,
      Instant deadline,
      String acknowledgedBy,
      Instant acknowledgedAt,
      boolean missed) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Rescue(
      String status,
      String agency,
      String reference,
      @ClinicalData String confidentialityBreakReason,
      Instant confirmBy,
      @ClinicalData String outcome,
      String calledBy,
      Instant calledAt) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record FollowUp(
      UUID id,
      Instant dueAt,
      String status,
      int attempts,
      @ClinicalData String level,
      String doneBy,
      Instant doneAt) {}

  /** The versions of an episode's safety plan, oldest first, as the viewer's scope shows them. */
  public record SafetyPlanVersions(
      UUID crisisId,
      List<SafetyPlanVersion> versions,
      @JsonIgnore String unit,
      @JsonIgnore Scope scope)
      implements ScopedView {

    @Override
    public Look look() {
      return new Look("CRISIS", crisisId, unit);
    }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record SafetyPlanVersion(
      int version, @ClinicalData Map<String, Object> plan, String recordedBy, Instant recordedAt) {}

  /** A contact after the one that opened the episode, latest first. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Contact(
      UUID id,
      String channel,
      Instant startedAt,
      int minutes,
      String takenBy,
      @ClinicalData String note) {}

  /** Someone broke the glass on the episode: its crisis staff are told who, when and why. */
  public record EmergencyAccess(String by, String byRole, String reason, Instant at) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Closure(
      String reason,
      @ClinicalData String summary,
      String closedBy,
      String approvedBy,
      Instant closedAt) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record RiskAlert(
      UUID clientId,
      String risk,
      UUID crisisId,
      Integer safetyPlanVersion,
      @ClinicalData Map<String, Object> safetyPlan,
      Instant updatedAt,
      @JsonIgnore String unit,
      @JsonIgnore Scope scope)
      implements ScopedView {

    @Override
    public Look look() {
      return new Look("CLIENT", clientId, unit);
    }
  }
}
