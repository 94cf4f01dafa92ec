package org.maplebridge.caseload;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One line of a caseload. Scores are left out for viewers without clinical scope. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseloadItem(
    UUID intakeId,
    String clientReference,
    String clientName,
    String status,
    String priority,
    String requestedUrgency,
    String assignedCounsellor,
    boolean riskFlag,
    String crisisAlert,
    List<LatestScore> latestScores,
    List<ReferralState> referrals,
    String nextAction,
    Instant nextActionDue,
    List<String> overdue,
    Instant openedAt) {

  /** A referral made from the case, as the tracker last saw it. */
  public record ReferralState(java.util.UUID id, String status, boolean overdue) {

    boolean outcomeWaitsForTheReferrer() {
      return "COMPLETED".equals(status) || "FAILED".equals(status);
    }
  }

  /** The latest screening of one instrument. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record LatestScore(
      String instrument, Integer total, String band, List<String> flags, String risk) {}
}
