package org.maplebridge.referrals;

import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.queryhandling.QueryGateway;
import org.maplebridge.events.Actor;
import org.maplebridge.events.Role;
import org.maplebridge.events.referral.ReferralStatus;
import org.maplebridge.history.FindReferralAudit;
import org.maplebridge.history.History;
import org.maplebridge.providers.ProviderDirectory.FindProviders;
import org.maplebridge.providers.ProviderDirectory.Provider;
import org.maplebridge.providers.ProviderDirectory.Providers;
import org.maplebridge.read.Forbidden;
import org.maplebridge.read.Paging;
import org.maplebridge.read.Queries;
import org.maplebridge.referrals.ReferralTracker.FindReferral;
import org.maplebridge.referrals.ReferralTracker.FindReferrals;
import org.maplebridge.referrals.ReferralTracker.FindReferrals.After;
import org.maplebridge.referrals.ReferralTracker.ReferralItem;
import org.maplebridge.referrals.ReferralTracker.Referrals;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The referral tracker and a referral's page: where it stands, what the referrer records next, and
 * for the supervisor its whole audit trail and the reviews.
 */
@Controller
class ReferralPages {
  private final QueryGateway queries;

  ReferralPages(QueryGateway queries) {
    this.queries = queries;
  }

  @GetMapping("/referrals")
  String tracker(
      @RequestParam(required = false) ReferralStatus status,
      @RequestParam(required = false) Boolean overdue,
      @RequestParam(required = false) String cursor,
      Actor viewer,
      Model model) {
    if (viewer.unit() == null) {
      throw new Forbidden("Referrals are tracked by the staff of a unit");
    }
    // As many referrals as a list gives at once; a link leads on to the rest.
    Referrals page =
        queries
            .query(
                new FindReferrals(
                    viewer,
                    status == null ? null : status.name(),
                    overdue,
                    null,
                    null,
                    null,
                    Paging.request(Paging.MAX_LIMIT, cursor, After.LIST, After::of)),
                Referrals.class)
            .join();
    model.addAttribute("referrals", page.items());
    model.addAttribute("next", page.next());
    model.addAttribute("statuses", ReferralStatus.values());
    model.addAttribute("status", status);
    model.addAttribute("overdue", overdue);
    model.addAttribute("providers", providersById());
    return "referrals/referrals";
  }

  @GetMapping("/referrals/{id}")
  String referral(@PathVariable UUID id, Actor viewer, Model model) {
    ReferralItem referral =
        Queries.one(queries, new FindReferral(id, viewer), ReferralItem.class, "Referral " + id);
    boolean supervisor = viewer.is(Role.SUPERVISOR);
    model.addAttribute("referral", referral);
    model.addAttribute("supervisor", supervisor);
    model.addAttribute("providers", providersById());
    if (supervisor) {
      model.addAttribute(
          "audit",
          Queries.one(queries, new FindReferralAudit(id, viewer, null), History.class, "Referral"));
    }
    return "referrals/referral";
  }

  private Map<UUID, Provider> providersById() {
    return queries.query(new FindProviders(null, null), Providers.class).join().items().stream()
        .collect(Collectors.toMap(Provider::id, Function.identity()));
  }
}
