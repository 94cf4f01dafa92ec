package org.maplebridge.dashboard;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.queryhandling.QueryGateway;
import org.maplebridge.crisisboard.CrisisQueries.FindCrisisBoard;
import org.maplebridge.crisisboard.CrisisViews.BoardItem;
import org.maplebridge.crisisboard.CrisisViews.CrisisBoard;
import org.maplebridge.dashboard.UnitDashboard.Dashboard;
import org.maplebridge.dashboard.UnitDashboard.FindDashboard;
import org.maplebridge.events.Actor;
import org.maplebridge.events.Role;
import org.maplebridge.read.Forbidden;
import org.maplebridge.referrals.ReferralTracker.FindWaiverRequests;
import org.maplebridge.referrals.ReferralTracker.Referrals;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The supervisor's dashboard: the unit's figures for the last 30 days, the last eight weeks as
 * charts (referrals by state, escalations acknowledged in time), and the episodes that wait for the
 * supervisor (closure approvals, consults, people lost to follow-up, asks to refer without
 * consent).
 */
@Controller
class DashboardPage {
  private static final int WEEKS = 8;

  /**
   * The risk bars' fixed order, most urgent first, each level shown even when none is open, so a
   * bar never moves; episodes not yet assessed come last, outside the scale.
   */
  private static final List<String> RISK_ORDER =
      List.of("IMMINENT", "HIGH", "MODERATE", "LOW", "UNASSESSED");

  private final QueryGateway queries;

  DashboardPage(QueryGateway queries) {
    this.queries = queries;
  }

  /** One risk level's bar: how many open episodes are at that level. */
  record RiskBar(String risk, long crises) {}

  /** One week's bar: the referrals requested that week by the state they are in now. */
  record Week(
      Instant start,
      Map<String, Long> referralsByState,
      long referrals,
      UnitDashboard.Escalations escalations) {}

  @GetMapping("/dashboard")
  String dashboard(Actor viewer, Model model) {
    if (!viewer.is(Role.SUPERVISOR)) {
      throw new Forbidden("The dashboard is for the unit's supervisor");
    }
    Instant now = Instant.now();
    Dashboard figures = figures(viewer, now.minus(30, ChronoUnit.DAYS), now);
    model.addAttribute("figures", figures);
    List<RiskBar> risks =
        RISK_ORDER.stream()
            .map(risk -> new RiskBar(risk, figures.crisesByRisk().getOrDefault(risk, 0L)))
            .toList();
    model.addAttribute("risks", risks);
    model.addAttribute(
        "mostCrises", Math.max(1, risks.stream().mapToLong(RiskBar::crises).max().orElse(1)));
    List<Week> weeks = new ArrayList<>();
    for (int back = WEEKS - 1; back >= 0; back--) {
      Instant end = now.minus(7L * back, ChronoUnit.DAYS);
      Instant start = end.minus(7, ChronoUnit.DAYS);
      Dashboard week = figures(viewer, start, end);
      weeks.add(
          new Week(
              start,
              week.referralsByState(),
              week.referralsByState().values().stream().mapToLong(Long::longValue).sum(),
              week.escalations()));
    }
    model.addAttribute("weeks", weeks);
    model.addAttribute(
        "mostReferrals", Math.max(1, weeks.stream().mapToLong(Week::referrals).max().orElse(1)));
    model.addAttribute(
        "mostEscalations",
        Math.max(1, weeks.stream().mapToLong(w -> w.escalations().raised()).max().orElse(1)));
    List<BoardItem> waiting =
        queries.query(new FindCrisisBoard(viewer), CrisisBoard.class).join().items().stream()
            .filter(i -> i.closurePending() || i.consultRequested() || i.lostToFollowUp())
            .toList();
    model.addAttribute("waiting", waiting);
    model.addAttribute(
        "waivers", queries.query(new FindWaiverRequests(viewer), Referrals.class).join().items());
    return "dashboard/dashboard";
  }

  private Dashboard figures(Actor viewer, Instant from, Instant to) {
    return queries.query(new FindDashboard(viewer, from, to, null), Dashboard.class).join();
  }
}
