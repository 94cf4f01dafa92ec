package org.maplebridge.platform.integrity;

import org.maplebridge.events.Actor;
import org.maplebridge.events.Role;
import org.maplebridge.write.NotAllowed;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The audit chain's state as a page, for the privacy officer and the administrator: the chain
 * verified now, and the latest signed head to copy off the machine.
 */
@Controller
class AuditChainPage {
  private final AuditChain chain;

  AuditChainPage(AuditChain chain) {
    this.chain = chain;
  }

  @GetMapping("/admin/audit-chain")
  String state(Actor caller, Model model) {
    if (!caller.is(Role.ADMIN) && !caller.is(Role.PRIVACY_OFFICER)) {
      throw new NotAllowed("The audit chain is the administrator's and the privacy officer's");
    }
    model.addAttribute("verification", chain.verify());
    model.addAttribute("head", chain.head());
    return "audit-chain";
  }
}
