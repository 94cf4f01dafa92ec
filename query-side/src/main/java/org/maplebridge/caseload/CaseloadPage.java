package org.maplebridge.caseload;

import java.util.Comparator;
import java.util.List;
import org.axonframework.queryhandling.QueryGateway;
import org.maplebridge.caseload.CaseloadQueries.FindCaseload;
import org.maplebridge.caseload.CaseloadQueries.FindCaseload.After;
import org.maplebridge.events.Actor;
import org.maplebridge.events.Role;
import org.maplebridge.read.Forbidden;
import org.maplebridge.read.Paging;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The caseload page: a counsellor's open cases (a supervisor's: the unit's), those at risk and
 * overdue first, sortable; through the same query and scopes as the API.
 */
@Controller
class CaseloadPage {
  private final QueryGateway queries;

  CaseloadPage(QueryGateway queries) {
    this.queries = queries;
  }

  @GetMapping("/caseload")
  String caseload(
      @RequestParam(defaultValue = "attention") String sort,
      @RequestParam(required = false) String cursor,
      Actor viewer,
      Model model) {
    if (viewer.unit() == null) {
      throw new Forbidden("Caseloads belong to the staff of a unit");
    }
    // A page shows as many cases as a list gives at once, so its sorting covers the caseload of
    // all but the largest units; a link leads on to the rest.
    Caseload page =
        queries
            .query(
                new FindCaseload(
                    viewer, Paging.request(Paging.MAX_LIMIT, cursor, After.LIST, After::of)),
                Caseload.class)
            .join();
    List<CaseloadItem> items = page.items();
    Comparator<CaseloadItem> order =
        switch (sort) {
          case "reference" -> Comparator.comparing(CaseloadItem::clientReference);
          case "opened" -> Comparator.comparing(CaseloadItem::openedAt).reversed();
          default -> null; // the query's order: at risk, then overdue, then most urgent
        };
    model.addAttribute("items", order == null ? items : items.stream().sorted(order).toList());
    model.addAttribute("sort", sort);
    model.addAttribute("next", page.next());
    model.addAttribute("unitView", viewer.is(Role.SUPERVISOR));
    model.addAttribute("canOpen", viewer.is(Role.COUNSELLOR) || viewer.is(Role.SUPERVISOR));
    return "caseload/caseload";
  }
}
