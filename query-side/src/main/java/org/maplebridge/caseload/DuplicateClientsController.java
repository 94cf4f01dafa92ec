package org.maplebridge.caseload;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.queryhandling.QueryGateway;
import org.maplebridge.caseload.DuplicateClients.FindPossibleDuplicates;
import org.maplebridge.caseload.DuplicateClients.PossibleDuplicate;
import org.maplebridge.caseload.DuplicateClients.PossibleDuplicates;
import org.maplebridge.events.Actor;
import org.maplebridge.events.Role;
import org.maplebridge.read.Forbidden;
import org.maplebridge.read.Paging;
import org.maplebridge.read.Paging.Page;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The read API of a unit's possible duplicate clients, for its supervisor. */
@RestController
@Tag(name = "Clients", description = "Clients across their cases: merging duplicates")
class DuplicateClientsController {
  private final QueryGateway queries;

  DuplicateClientsController(QueryGateway queries) {
    this.queries = queries;
  }

  @GetMapping("/api/clients/duplicates")
  @Operation(
      summary =
          "Supervisor: the unit's possible duplicate clients (same phone digits and birth year, or"
              + " same name and birth date), each later reference with the earlier one it looks"
              + " like and why; names masked. Each client shown is a recorded look")
  Page<PossibleDuplicate> duplicates(
      @RequestParam(required = false) Integer limit,
      @RequestParam(required = false) String cursor,
      Actor viewer) {
    PossibleDuplicates page = find(queries, viewer, limit, cursor);
    return new Page<>(page.items(), page.next());
  }

  /** The one way to the duplicates, for the API and the page alike. */
  static PossibleDuplicates find(QueryGateway queries, Actor viewer, Integer limit, String cursor) {
    if (viewer.unit() == null || !viewer.is(Role.SUPERVISOR)) {
      throw new Forbidden("Possible duplicates are for the unit's supervisor, who merges them");
    }
    return queries
        .query(
            new FindPossibleDuplicates(
                viewer,
                Paging.request(limit, cursor, FindPossibleDuplicates.LIST, parts -> parts.get(0))),
            PossibleDuplicates.class)
        .join();
  }
}
