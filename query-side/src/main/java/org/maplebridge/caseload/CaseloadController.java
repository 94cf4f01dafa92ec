package org.maplebridge.caseload;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.maplebridge.caseload.CaseloadQueries.FindCaseload;
import org.maplebridge.caseload.CaseloadQueries.FindCaseload.After;
import org.maplebridge.caseload.CaseloadQueries.FindClients;
import org.maplebridge.caseload.CaseloadQueries.FindIntake;
import org.maplebridge.events.Actor;
import org.maplebridge.read.Forbidden;
import org.maplebridge.read.NotFound;
import org.maplebridge.read.Paging;
import org.maplebridge.read.Paging.Page;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The read API of caseloads and cases. */
@RestController
@Tag(name = "Caseload", description = "Caseloads and cases as the viewer's scope allows")
class CaseloadController {
  private final QueryGateway queries;

  CaseloadController(QueryGateway queries) {
    this.queries = queries;
  }

  @GetMapping("/api/caseload")
  @Operation(
      summary =
          "The caller's open cases; a supervisor's unit view. A page of `limit` cases (50, at"
              + " most 500) after `cursor`; `next` is the next page's cursor")
  Page<CaseloadItem> caseload(
      @RequestParam(required = false) Integer limit,
      @RequestParam(required = false) String cursor,
      Actor viewer) {
    if (viewer.unit() == null) {
      throw new Forbidden("Caseloads belong to the staff of a unit");
    }
    Caseload page =
        queries
            .query(
                new FindCaseload(viewer, Paging.request(limit, cursor, After.LIST, After::of)),
                Caseload.class)
            .join();
    return new Page<>(page.items(), page.next());
  }

  @GetMapping("/api/intakes/{id}")
  @Operation(summary = "A case as the caller's scope allows; ETag carries its version")
  ResponseEntity<IntakeDetails> intake(@PathVariable UUID id, Actor viewer) {
    Optional<IntakeDetails> details =
        queries
            .query(
                new FindIntake(id, viewer), ResponseTypes.optionalInstanceOf(IntakeDetails.class))
            .join();
    IntakeDetails intake = details.orElseThrow(() -> new NotFound("Intake " + id));
    return ResponseEntity.ok().eTag("\"" + intake.version() + "\"").body(intake);
  }

  @GetMapping("/api/clients")
  @Operation(
      summary =
          "Find a returning person among the caller's unit's clients: by `reference`"
              + " (C-2026-000123), or by `phone` (its digits count) and `birthYear`. Counsellors,"
              + " crisis workers and the supervisor of the unit; names masked (initials), with the"
              + " birth year and how many cases and crisis episodes are open. Every lookup is"
              + " recorded in the access audit (purpose LOOKUP), a refused one too")
  ClientMatches clients(
      @RequestParam(required = false) String reference,
      @RequestParam(required = false) String phone,
      @RequestParam(required = false) String birthYear,
      Actor viewer) {
    return queries
        .query(
            FindClients.of(viewer, reference, phone, birthYear),
            ResponseTypes.optionalInstanceOf(ClientMatches.class))
        .join()
        .orElseThrow(
            () ->
                new Forbidden(
                    "Returning people are looked up by the counsellors, crisis workers and"
                        + " supervisor of their unit"));
  }
}
