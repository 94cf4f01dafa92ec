package org.maplebridge.retention;

import org.maplebridge.events.Actor;
import org.maplebridge.read.NotFound;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The privacy officer's pages: who is due for erasure, the legal holds in force, the erasures done,
 * and one person's standing with the hold and erasure forms (erasure asks for a confirmation).
 */
@Controller
class RetentionPages {
  private final Retention retention;

  RetentionPages(Retention retention) {
    this.retention = retention;
  }

  @GetMapping("/privacy/retention")
  String due(Actor viewer, Model model) {
    Retention.requirePrivacyOfficer(viewer);
    model.addAttribute("list", retention.due());
    return "retention/retention";
  }

  @GetMapping("/privacy/legal-holds")
  String holds(Actor viewer, Model model) {
    Retention.requirePrivacyOfficer(viewer);
    model.addAttribute("holds", retention.holds());
    return "retention/legal-holds";
  }

  @GetMapping("/privacy/erasures")
  String erasures(Actor viewer, Model model) {
    Retention.requirePrivacyOfficer(viewer);
    model.addAttribute("erasures", retention.erasures());
    return "retention/erasures";
  }

  /** A person found by id or client reference (the lookup form on the retention page). */
  @GetMapping("/privacy/people")
  String find(@RequestParam String person, Actor viewer) {
    Retention.requirePrivacyOfficer(viewer);
    return "redirect:/privacy/people/"
        + retention.person(person).orElseThrow(() -> new NotFound("Person")).personId();
  }

  @GetMapping("/privacy/people/{person}")
  String person(@PathVariable String person, Actor viewer, Model model) {
    Retention.requirePrivacyOfficer(viewer);
    model.addAttribute(
        "person", retention.person(person).orElseThrow(() -> new NotFound("Person")));
    return "retention/person";
  }
}
