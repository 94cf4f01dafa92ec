package org.maplebridge.crisisboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.maplebridge.events.Actor;
import org.maplebridge.events.Role;
import org.maplebridge.events.crisis.ClosureApprovalRequested;
import org.maplebridge.events.crisis.CrisisClosureReason;
import org.maplebridge.events.crisis.CrisisState;
import org.maplebridge.events.crisis.EscalationRaised;
import org.maplebridge.events.crisis.EscalationTier;
import org.maplebridge.events.crisis.RiskLevel;
import org.maplebridge.events.crisis.SupervisorConsultRequested;
import org.maplebridge.scope.Scope;

/** What each viewer is offered on an episode: the published steps, through the viewer's scope. */
class CrisisActionsTest {
  private static final Actor CAROL = new Actor("carol", Role.CRISIS_WORKER, "north");
  private static final Actor SAM = new Actor("sam", Role.SUPERVISOR, "north");
  private static final CrisisState CONSULT_ASKED =
      CrisisState.OPENED.after(new SupervisorConsultRequested(null, RiskLevel.HIGH));
  private static final CrisisState CLOSING =
      CONSULT_ASKED.after(
          new ClosureApprovalRequested(null, CrisisClosureReason.STABILISED, null, "carol"));

  @Test
  void theCrisisWorkerWritesClinicalContentButNeitherConsultsNorApproves() {
    assertThat(CrisisQueryHandler.allowedActions(CONSULT_ASKED, Scope.CRISIS_STAFF, CAROL, false))
        .contains("RECORD_SAFETY_PLAN", "REQUEST_REFERRAL", "CLOSE")
        .doesNotContain("RECORD_CONSULT", "APPROVE_CLOSURE");
  }

  @Test
  void theSupervisorConsultsAndApprovesButWritesClinicalContentOnlyBehindBrokenGlass() {
    assertThat(CrisisQueryHandler.allowedActions(CLOSING, Scope.SUPERVISOR, SAM, false))
        .contains("RECORD_CONSULT", "APPROVE_CLOSURE")
        .doesNotContain("CLOSE", "RECORD_SAFETY_PLAN", "REQUEST_REFERRAL");
    assertThat(CrisisQueryHandler.allowedActions(CLOSING, Scope.EMERGENCY, SAM, false))
        .contains("APPROVE_CLOSURE", "RECORD_SAFETY_PLAN", "REQUEST_REFERRAL");
  }

  @Test
  void theSupervisorConsultedSeesTheEpisodeButAdvisesAndApprovesOnly() {
    assertThat(CrisisQueryHandler.allowedActions(CLOSING, Scope.CONSULT, SAM, false))
        .contains("RECORD_CONSULT", "APPROVE_CLOSURE")
        .doesNotContain("RECORD_SAFETY_PLAN", "RECORD_WHEREABOUTS", "REQUEST_REFERRAL");
  }

  @Test
  void anEscalationIsOfferedForAcknowledgementOnlyToWhoIsPagedForIt() {
    CrisisState waiting =
        CrisisState.OPENED.after(
            new EscalationRaised(
                null,
                null,
                EscalationTier.ON_CALL_SUPERVISOR,
                RiskLevel.IMMINENT,
                "Imminent",
                null,
                "carol"));
    assertThat(CrisisQueryHandler.allowedActions(waiting, Scope.CRISIS_STAFF, CAROL, false))
        .doesNotContain("ACKNOWLEDGE_ESCALATION");
    assertThat(CrisisQueryHandler.allowedActions(waiting, Scope.SUPERVISOR, SAM, true))
        .contains("ACKNOWLEDGE_ESCALATION");
  }
}
