package org.maplebridge.referrals;

import java.util.UUID;
import org.axonframework.queryhandling.QueryGateway;
import org.maplebridge.events.Actor;
import org.maplebridge.events.Role;
import org.maplebridge.events.directory.ServiceType;
import org.maplebridge.providers.ProviderDirectory.FindProviders;
import org.maplebridge.providers.ProviderDirectory.Providers;
import org.maplebridge.read.Forbidden;
import org.maplebridge.read.Paging;
import org.maplebridge.read.Queries;
import org.maplebridge.referrals.ProviderReferrals.FindProviderReferral;
import org.maplebridge.referrals.ProviderReferrals.FindProviderReferrals;
import org.maplebridge.referrals.ProviderReferrals.ProviderReferral;
import org.maplebridge.referrals.ProviderReferrals.ProviderReferralPage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The provider's own pages: the referrals sent to their organisation, and one referral with what it
 * shows them and the answers its status allows, posted to the same API.
 */
@Controller
class ProviderPages {
  private final QueryGateway queries;

  ProviderPages(QueryGateway queries) {
    this.queries = queries;
  }

  @GetMapping("/provider/referrals")
  String referrals(@RequestParam(required = false) String cursor, Actor viewer, Model model) {
    requireProvider(viewer);
    ProviderReferralPage page =
        queries
            .query(
                new FindProviderReferrals(
                    viewer,
                    Paging.request(
                        Paging.MAX_LIMIT,
                        cursor,
                        FindProviderReferrals.After.LIST,
                        FindProviderReferrals.After::of)),
                ProviderReferralPage.class)
            .join();
    model.addAttribute("referrals", page.items());
    model.addAttribute("next", page.next());
    return "referrals/provider-referrals";
  }

  @GetMapping("/provider/referrals/{id}")
  String referral(@PathVariable UUID id, Actor viewer, Model model) {
    requireProvider(viewer);
    ProviderReferral referral =
        Queries.one(
            queries,
            new FindProviderReferral(id, viewer),
            ProviderReferral.class,
            "Referral " + id);
    model.addAttribute("referral", referral);
    // Who else offers the service, for a decline that suggests where to send it instead.
    model.addAttribute(
        "alternatives",
        queries
            .query(
                new FindProviders(ServiceType.valueOf(referral.serviceType()), null),
                Providers.class)
            .join()
            .items()
            .stream()
            .filter(provider -> !provider.id().equals(referral.providerId()))
            .toList());
    return "referrals/provider-referral";
  }

  private static void requireProvider(Actor viewer) {
    if (!viewer.is(Role.PROVIDER)) {
      throw new Forbidden("These pages are for provider staff");
    }
  }
}
