package org.maplebridge.platform.web;

import org.maplebridge.events.Actor;
import org.maplebridge.events.Role;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page, and where signed-in staff start their day. */
@Controller
class HomePage {

  @GetMapping("/login")
  String signIn() {
    return "login";
  }

  /**
   * Crisis workers start at the crisis board, counsellors and supervisors at the caseload, the
   * administrator at the staff accounts, the privacy officer at the emergency accesses to review,
   * provider staff at the referrals sent to them.
   */
  @GetMapping("/")
  String home(Actor staff) {
    if (staff.is(Role.CRISIS_WORKER)) {
      return "redirect:/crisis-board";
    }
    if (staff.is(Role.PRIVACY_OFFICER)) {
      return "redirect:/emergency-access";
    }
    if (staff.is(Role.PROVIDER)) {
      return "redirect:/provider/referrals";
    }
    return staff.is(Role.ADMIN) ? "redirect:/admin/staff" : "redirect:/caseload";
  }
}
