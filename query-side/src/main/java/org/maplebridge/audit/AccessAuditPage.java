package org.maplebridge.audit;

import java.util.UUID;
import org.axonframework.queryhandling.QueryGateway;
import org.maplebridge.audit.AccessAudit.AccessEntries;
import org.maplebridge.audit.AccessAudit.After;
import org.maplebridge.audit.AccessAudit.FindAccess;
import org.maplebridge.events.Actor;
import org.maplebridge.events.Role;
import org.maplebridge.read.Forbidden;
import org.maplebridge.read.Paging;
import org.maplebridge.scope.ScopePolicy;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit pages of the unit's supervisor (and of the privacy officer, for every unit): who looked
 * at which record, when and why; and the emergency accesses to review.
 */
@Controller
class AccessAuditPage {
  private final QueryGateway queries;
  private final EmergencyGrants grants;

  AccessAuditPage(QueryGateway queries, EmergencyGrants grants) {
    this.queries = queries;
    this.grants = grants;
  }

  @GetMapping("/audit/access")
  String access(
      @RequestParam(required = false) UUID recordId,
      @RequestParam(required = false) String viewer,
      @RequestParam(required = false) String cursor,
      Actor supervisor,
      Model model) {
    if (!ScopePolicy.seesAuditOf(supervisor, supervisor.unit())) {
      throw new Forbidden("The access audit is for the unit's supervisor and the privacy officer");
    }
    String who = viewer == null || viewer.isBlank() ? null : viewer.strip();
    // As many views as a list gives at once; a link leads on to the rest.
    AccessEntries page =
        queries
            .query(
                new FindAccess(
                    supervisor,
                    recordId,
                    who,
                    null,
                    null,
                    Paging.request(Paging.MAX_LIMIT, cursor, After.LIST, After::of)),
                AccessEntries.class)
            .join();
    model.addAttribute("entries", page.items());
    model.addAttribute("next", page.next());
    model.addAttribute("recordId", recordId);
    model.addAttribute("viewer", who);
    return "audit/access-audit";
  }

  @GetMapping("/emergency-access")
  String emergencyAccess(Actor supervisor, Model model) {
    if (!ScopePolicy.seesAuditOf(supervisor, supervisor.unit())) {
      throw new Forbidden(
          "Emergency access reviews are for the unit's supervisor and the privacy officer");
    }
    model.addAttribute("grants", grants.seenBy(supervisor));
    model.addAttribute("everyUnit", supervisor.is(Role.PRIVACY_OFFICER));
    return "audit/emergency-access";
  }
}
