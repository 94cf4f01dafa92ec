package org.maplebridge.caseload;

import org.maplebridge.events.Actor;
import org.maplebridge.events.Role;
import org.maplebridge.events.intake.IntakeSource;
import org.maplebridge.events.intake.Urgency;
import org.maplebridge.read.Forbidden;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The new-intake form. Like every form, it posts the API's own command to the API (with its
 * idempotency key and consistency token), so its rules and checks are the write side's alone.
 */
@Controller
class NewIntakePage {

  @GetMapping("/intakes/new")
  String form(Actor viewer, Model model) {
    if (viewer.unit() == null || !(viewer.is(Role.COUNSELLOR) || viewer.is(Role.SUPERVISOR))) {
      throw new Forbidden("Intakes are opened by the counsellors and supervisor of a unit");
    }
    model.addAttribute("sources", IntakeSource.values());
    model.addAttribute("urgencies", Urgency.values());
    return "caseload/intake-new";
  }
}
