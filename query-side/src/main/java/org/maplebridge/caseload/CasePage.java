package org.maplebridge.caseload;

import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.maplebridge.caseload.CaseloadQueries.FindIntake;
import org.maplebridge.events.Actor;
import org.maplebridge.read.NotFound;
import org.maplebridge.read.ReadYourWrites;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** A case's page, through the same query and scope as the API (and recorded as a view). */
@Controller
class CasePage {
  private final QueryGateway queries;
  private final ReadYourWrites readYourWrites;

  CasePage(QueryGateway queries, ReadYourWrites readYourWrites) {
    this.queries = queries;
    this.readYourWrites = readYourWrites;
  }

  @GetMapping("/intakes/{id}")
  String intake(
      @PathVariable UUID id,
      @RequestParam(required = false) Long after,
      Actor viewer,
      Model model) {
    if (after != null) {
      readYourWrites.awaitPosition(after);
    }
    IntakeDetails intake =
        queries
            .query(
                new FindIntake(id, viewer), ResponseTypes.optionalInstanceOf(IntakeDetails.class))
            .join()
            .orElseThrow(() -> new NotFound("Intake " + id));
    model.addAttribute("intake", intake);
    model.addAttribute(
        "careTeam", intake.careTeam() != null && intake.careTeam().contains(viewer.username()));
    return "intake";
  }
}
