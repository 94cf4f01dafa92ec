package org.maplebridge.caseload;

import org.axonframework.queryhandling.QueryGateway;
import org.maplebridge.events.Actor;
import org.maplebridge.events.Role;
import org.maplebridge.events.intake.IntakeSource;
import org.maplebridge.events.intake.Urgency;
import org.maplebridge.read.Forbidden;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The new-intake form. Like every form, it posts the API's own command to the API (with its
 * idempotency key and consistency token), so its rules and checks are the write side's alone. It
 * offers the returning-person lookup first; a client chosen from it ({@code ?client=<reference>})
 * is taken in as returning, by reference and the birth date the write side checks.
 */
@Controller
class NewIntakePage {
  private final QueryGateway queries;

  NewIntakePage(QueryGateway queries) {
    this.queries = queries;
  }

  @GetMapping("/intakes/new")
  String form(
      @RequestParam(required = false) String reference,
      @RequestParam(required = false) String phone,
      @RequestParam(required = false) String birthYear,
      @RequestParam(required = false) String client,
      Actor viewer,
      Model model) {
    if (viewer.unit() == null || !(viewer.is(Role.COUNSELLOR) || viewer.is(Role.SUPERVISOR))) {
      throw new Forbidden("Intakes are opened by the counsellors and supervisor of a unit");
    }
    model.addAttribute("sources", IntakeSource.values());
    model.addAttribute("urgencies", Urgency.values());
    ClientLookups.chosen(queries, viewer, client)
        .ifPresent(match -> model.addAttribute("returning", match));
    ClientLookups.offer(queries, viewer, model, reference, phone, birthYear);
    return "caseload/intake-new";
  }
}
