package org.maplebridge.caseload;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.maplebridge.events.ClinicalData;
import org.maplebridge.events.PersonalData;
import org.maplebridge.read.ScopedView;
import org.maplebridge.read.ShownAsInitials;
import org.maplebridge.scope.Scope;

/** One line of a caseload, read whole; shown as the viewer's scope on the case allows. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseloadItem(
    UUID intakeId,
    String clientReference,
    @PersonalData @ShownAsInitials String clientName,
    String status,
    String priority,
    String requestedUrgency,
    String assignedCounsellor,
    boolean riskFlag,
    String crisisAlert,
    @ClinicalData List<LatestScore> latestScores,
    List<ReferralState> referrals,
    String nextAction,
    Instant nextActionDue,
    List<String> overdue,
    List<Review> reviews,
    List<Notice> notices,
    Instant openedAt,
    @JsonIgnore String unit,
    @JsonIgnore Scope scope)
    implements ScopedView {

  @Override
  public Look look() {
    return new Look("INTAKE", intakeId, unit);
  }

  /** A referral made from the case, as the tracker last saw it. */
  public record ReferralState(java.util.UUID id, String status, boolean overdue) {

    boolean outcomeWaitsForTheReferrer() {
      return "COMPLETED".equals(status) || "FAILED".equals(status);
    }
  }

  /**
   * What the care team is told of others' acts on the case: {@code kind} EMERGENCY_ACCESS (who
   * broke the glass, {@code detail} their stated reason) or CARE_TEAM_MEMBER_ADDED by the
   * supervisor ({@code detail} the member).
   */
  public record Notice(String kind, String by, String byRole, String detail, Instant at) {}

  /**
   * A review task a screening put on the case ({@code review}: CLINICIAN_REVIEW after a moderate
   * C-SSRS, SAME_DAY_CSSRS after a PHQ-9 item 9 above zero), due by {@code dueBy}; {@code overdue}
   * while still open past it. The caseload lists the open ones; the case all, with who did them.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Review(
      UUID id,
      String review,
      Instant dueBy,
      boolean overdue,
      String doneBy,
      Instant doneAt,
      @ClinicalData String outcome) {}

  /** The latest screening of one instrument. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record LatestScore(
      String instrument, Integer total, String band, List<String> flags, String risk) {}
}
