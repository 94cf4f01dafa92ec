package org.maplebridge.platform.integrity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.maplebridge.events.Actor;
import org.maplebridge.events.Role;
import org.maplebridge.write.NotAllowed;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The audit chain's state, for the administrator and the privacy officer. */
@RestController
@Tag(name = "Operations", description = "Dead letters, projection rebuilds and reconciliation")
class AuditChainController {
  private final AuditChain chain;

  AuditChainController(AuditChain chain) {
    this.chain = chain;
  }

  @GetMapping("/api/admin/audit-chain/verify")
  @Operation(summary = "Recompute the event store's chain: valid, rows checked, first broken row")
  AuditChain.Verification verify(Actor caller) {
    requireAuditor(caller);
    return chain.verify();
  }

  @GetMapping("/api/admin/audit-chain/head")
  @Operation(summary = "The latest signed head of the chain, to copy off the machine")
  AuditChain.Head head(Actor caller) {
    requireAuditor(caller);
    return chain.head();
  }

  private static void requireAuditor(Actor caller) {
    if (!caller.is(Role.ADMIN) && !caller.is(Role.PRIVACY_OFFICER)) {
      throw new NotAllowed("The audit chain is the administrator's and the privacy officer's");
    }
  }
}
