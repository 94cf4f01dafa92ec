package org.maplebridge.caseload;

import org.axonframework.queryhandling.QueryGateway;
import org.maplebridge.caseload.DuplicateClients.PossibleDuplicates;
import org.maplebridge.events.Actor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The supervisor's page of possible duplicate clients, each with a merge into the earlier client;
 * the merge posts to the write API like every form (no script of its own).
 */
@Controller
class DuplicateClientsPage {
  private final QueryGateway queries;

  DuplicateClientsPage(QueryGateway queries) {
    this.queries = queries;
  }

  @GetMapping("/clients/duplicates")
  String duplicates(@RequestParam(required = false) String cursor, Actor viewer, Model model) {
    PossibleDuplicates page = DuplicateClientsController.find(queries, viewer, null, cursor);
    model.addAttribute("duplicates", page.items());
    model.addAttribute("next", page.next());
    return "caseload/duplicates";
  }
}
