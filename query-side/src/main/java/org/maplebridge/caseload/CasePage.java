package org.maplebridge.caseload;

import java.util.UUID;
import org.axonframework.queryhandling.QueryGateway;
import org.maplebridge.caseload.CaseloadQueries.FindIntake;
import org.maplebridge.events.Actor;
import org.maplebridge.events.Role;
import org.maplebridge.history.FindIntakeHistory;
import org.maplebridge.history.History;
import org.maplebridge.providers.ProviderDirectory.FindProviders;
import org.maplebridge.providers.ProviderDirectory.Providers;
import org.maplebridge.read.Paging;
import org.maplebridge.read.Paging.PageRequest;
import org.maplebridge.read.Queries;
import org.maplebridge.read.UnitCounsellors;
import org.maplebridge.referrals.ReferralTracker.FindReferrals;
import org.maplebridge.referrals.ReferralTracker.Referrals;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A case's page, through the same queries and scopes as the API (and recorded as a view): the case,
 * its referrals and its history; the care team gets the forms that change it.
 */
@Controller
class CasePage {
  private final QueryGateway queries;
  private final UnitCounsellors counsellors;

  CasePage(QueryGateway queries, UnitCounsellors counsellors) {
    this.queries = queries;
    this.counsellors = counsellors;
  }

  @GetMapping("/intakes/{id}")
  String intake(@PathVariable UUID id, Actor viewer, Model model) {
    IntakeDetails intake =
        Queries.one(queries, new FindIntake(id, viewer), IntakeDetails.class, "Intake " + id);
    boolean careTeam = intake.careTeam() != null && intake.careTeam().contains(viewer.username());
    model.addAttribute("intake", intake);
    model.addAttribute("careTeam", careTeam);
    // A case's referrals on one page: a case has not hundreds of them.
    model.addAttribute(
        "referrals",
        queries
            .query(
                new FindReferrals(
                    viewer, null, null, null, null, id, new PageRequest<>(Paging.MAX_LIMIT, null)),
                Referrals.class)
            .join()
            .items());
    model.addAttribute(
        "history",
        Queries.one(queries, new FindIntakeHistory(id, viewer, null), History.class, "Intake"));
    if (careTeam) {
      model.addAttribute(
          "providers", queries.query(new FindProviders(null, null), Providers.class).join());
      // The counsellor is picked from the unit's list: a typed name can be mistyped.
      model.addAttribute("counsellors", counsellors.of(intake.unit()));
    }
    // Whoever sees the case without its clinical part may break the glass to see it, with a reason.
    model.addAttribute(
        "mayBreakGlass",
        intake.notes() == null && (viewer.is(Role.SUPERVISOR) || viewer.is(Role.CRISIS_WORKER)));
    return "caseload/intake";
  }
}
