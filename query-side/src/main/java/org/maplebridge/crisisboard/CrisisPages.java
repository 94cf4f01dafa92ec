package org.maplebridge.crisisboard;

import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.maplebridge.caseload.ClientLookups;
import org.maplebridge.crisisboard.CrisisQueries.FindCrisis;
import org.maplebridge.crisisboard.CrisisQueries.FindRiskAlert;
import org.maplebridge.crisisboard.CrisisQueries.FindRiskAlertByReference;
import org.maplebridge.crisisboard.CrisisViews.CrisisDetails;
import org.maplebridge.crisisboard.CrisisViews.RiskAlert;
import org.maplebridge.events.Actor;
import org.maplebridge.events.Role;
import org.maplebridge.history.FindCrisisHistory;
import org.maplebridge.history.History;
import org.maplebridge.providers.ProviderDirectory.FindProviders;
import org.maplebridge.providers.ProviderDirectory.Providers;
import org.maplebridge.read.Forbidden;
import org.maplebridge.read.Queries;
import org.maplebridge.scope.ScopePolicy;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The hotline's pages: a new crisis contact, the episode itself, and the risk-alert lookup. */
@Controller
class CrisisPages {
  private final QueryGateway queries;

  CrisisPages(QueryGateway queries) {
    this.queries = queries;
  }

  /**
   * A new contact, after the returning-person lookup: a client chosen from it ({@code
   * ?client=<reference>}) is the person the contact is about, by reference.
   */
  @GetMapping("/crises/new")
  String newContact(
      @RequestParam(required = false) String reference,
      @RequestParam(required = false) String phone,
      @RequestParam(required = false) String birthYear,
      @RequestParam(required = false) String client,
      Actor viewer,
      Model model) {
    requireCrisisStaff(viewer);
    ClientLookups.chosen(queries, viewer, client)
        .ifPresent(match -> model.addAttribute("returning", match));
    ClientLookups.offer(queries, viewer, model, reference, phone, birthYear);
    return "crisisboard/crisis-new";
  }

  @GetMapping("/crises/{id}")
  String crisis(@PathVariable UUID id, Actor viewer, Model model) {
    CrisisDetails crisis =
        Queries.one(queries, new FindCrisis(id, viewer), CrisisDetails.class, "Crisis " + id);
    model.addAttribute("crisis", crisis);
    model.addAttribute(
        "history",
        Queries.one(queries, new FindCrisisHistory(id, viewer, null), History.class, "Crisis"));
    // The page offers the steps the view allows the viewer (allowedActions), and nothing else.
    model.addAttribute("supervisor", viewer.is(Role.SUPERVISOR));
    // The supervisor sees the episode without its clinical part until the glass is broken.
    model.addAttribute("clinical", crisis.scope().showsClinical());
    if (crisis.allowedActions().contains(CrisisViews.REQUEST_REFERRAL)) {
      model.addAttribute(
          "providers", queries.query(new FindProviders(null, null), Providers.class).join());
    }
    return "crisisboard/crisis";
  }

  /**
   * A caller known to the unit: their active risk and safety plan, by reference or id; or, for a
   * caller who does not know their reference, the returning-person lookup by phone and year of
   * birth, whose chosen client comes back here as {@code ?client=<reference>}.
   */
  @GetMapping("/risk-alert")
  String riskAlert(
      @RequestParam(required = false) String client,
      @RequestParam(required = false) String phone,
      @RequestParam(required = false) String birthYear,
      Actor viewer,
      Model model) {
    requireCrisisStaff(viewer);
    ClientLookups.offer(queries, viewer, model, null, phone, birthYear);
    model.addAttribute("client", client);
    if (client != null && !client.isBlank()) {
      Object query =
          isId(client.strip())
              ? new FindRiskAlert(UUID.fromString(client.strip()), viewer)
              : new FindRiskAlertByReference(client.strip(), viewer);
      model.addAttribute(
          "alert",
          queries
              .query(query, ResponseTypes.optionalInstanceOf(RiskAlert.class))
              .join()
              .orElse(null));
      model.addAttribute("searched", true);
    }
    return "crisisboard/risk-alert";
  }

  private static boolean isId(String text) {
    return text.matches(
        "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  }

  private static void requireCrisisStaff(Actor viewer) {
    if (!ScopePolicy.watchesTheCrisisBoard(viewer)) {
      throw new Forbidden("For the unit's crisis workers and supervisor");
    }
  }
}
