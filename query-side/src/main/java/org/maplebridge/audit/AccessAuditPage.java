package org.maplebridge.audit;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.UUID;
import org.axonframework.queryhandling.QueryGateway;
import org.maplebridge.audit.AccessAudit.AccessEntries;
import org.maplebridge.audit.AccessAudit.AccessEntry;
import org.maplebridge.audit.AccessAudit.After;
import org.maplebridge.audit.AccessAudit.FindAccess;
import org.maplebridge.events.Actor;
import org.maplebridge.events.Role;
import org.maplebridge.read.Forbidden;
import org.maplebridge.read.Paging;
import org.maplebridge.read.StaffNames;
import org.maplebridge.read.ViewersZone;
import org.maplebridge.scope.ScopePolicy;
import org.springframework.format.annotation.DateTimeFormat;
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
  private final StaffNames names;
  private final ViewersZone viewersZone;

  AccessAuditPage(
      QueryGateway queries, EmergencyGrants grants, StaffNames names, ViewersZone viewersZone) {
    this.queries = queries;
    this.grants = grants;
    this.names = names;
    this.viewersZone = viewersZone;
  }

  /**
   * The audit newest first, a page at a time (a link leads on to older views), filtered by who
   * looked, which record, and the days from and to (both included, in the reader's time zone);
   * people, units and records by their names.
   */
  @GetMapping("/audit/access")
  String access(
      @RequestParam(required = false) UUID recordId,
      @RequestParam(required = false) String viewer,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) String cursor,
      Actor supervisor,
      Model model) {
    if (!ScopePolicy.seesAuditOf(supervisor, supervisor.unit())) {
      throw new Forbidden("The access audit is for the unit's supervisor and the privacy officer");
    }
    String who = viewer == null || viewer.isBlank() ? null : viewer.strip();
    ZoneId zone = viewersZone.zone();
    AccessEntries page =
        queries
            .query(
                new FindAccess(
                    supervisor,
                    recordId,
                    who,
                    from == null ? null : from.atStartOfDay(zone).toInstant(),
                    to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant(),
                    Paging.request(Paging.DEFAULT_LIMIT, cursor, After.LIST, After::of)),
                AccessEntries.class)
            .join();
    model.addAttribute("entries", page.items());
    model.addAttribute("next", page.next());
    model.addAttribute("first", cursor == null);
    model.addAttribute(
        "staff",
        names.displayNames(page.items().stream().map(AccessEntry::viewer).distinct().toList()));
    model.addAttribute("everyUnit", supervisor.is(Role.PRIVACY_OFFICER));
    model.addAttribute(
        "units",
        names.unitNames(
            page.items().stream()
                .map(AccessEntry::recordUnit)
                .filter(Objects::nonNull)
                .distinct()
                .toList()));
    model.addAttribute("recordId", recordId);
    model.addAttribute("viewer", who);
    model.addAttribute("from", from);
    model.addAttribute("to", to);
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
