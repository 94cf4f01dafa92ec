package org.maplebridge.crisisboard;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The shapes the crisis read API answers with. */
public final class CrisisViews {
  private CrisisViews() {}

  public record CrisisBoard(String unit, Instant at, List<BoardItem> items) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record BoardItem(
      UUID crisisId,
      String status,
      String channel,
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
      Instant openedAt) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record CrisisDetails(
      UUID id,
      String unit,
      String status,
      String channel,
      String caller,
      UUID clientId,
      UUID intakeId,
      String summary,
      String openedBy,
      Instant openedAt,
      String risk,
      String highestRisk,
      boolean consultRequested,
      String consultedBy,
      String consultAdvice,
      List<Escalation> escalations,
      Rescue rescue,
      Integer safetyPlanVersion,
      Map<String, Object> safetyPlan,
      List<FollowUp> followUps,
      int failedFollowUps,
      boolean lostToFollowUp,
      boolean deescalated,
      boolean closurePending,
      Closure closure,
      String scope,
      @JsonIgnore long version) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Escalation(
      UUID id,
      String tier,
      String risk,
      String reason,
      String raisedBy,
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
      String confidentialityBreakReason,
      Instant confirmBy,
      String outcome) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record FollowUp(
      UUID id,
      Instant dueAt,
      String status,
      int attempts,
      String level,
      String doneBy,
      Instant doneAt) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Closure(
      String reason, String summary, String closedBy, String approvedBy, Instant closedAt) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record RiskAlert(
      UUID clientId,
      String risk,
      UUID crisisId,
      Integer safetyPlanVersion,
      Map<String, Object> safetyPlan,
      Instant updatedAt) {}
}
