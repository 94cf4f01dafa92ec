package org.maplebridge.oncall;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.axonframework.queryhandling.QueryGateway;
import org.maplebridge.events.Actor;
import org.maplebridge.events.Role;
import org.maplebridge.oncall.OnCallRosterView.FindOnCallRoster;
import org.maplebridge.oncall.OnCallRosterView.Roster;
import org.maplebridge.read.Forbidden;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The unit's on-call roster page: the crisis staff read who holds each tier and the gaps of the
 * coming week; the unit's supervisor edits the roster there (the whole roster, saved at once).
 */
@Controller
class OnCallPage {
  /** What a datetime-local field holds: the platform's local time, as the other pages show it. */
  private static final DateTimeFormatter LOCAL =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm").withZone(ZoneId.systemDefault());

  private final QueryGateway queries;

  OnCallPage(QueryGateway queries) {
    this.queries = queries;
  }

  @GetMapping("/on-call")
  String roster(Actor viewer, Model model) {
    if (!OnCallRosterView.seesTheRoster(viewer, viewer.unit())) {
      throw new Forbidden("The on-call roster is for the unit's crisis staff");
    }
    model.addAttribute(
        "roster", queries.query(new FindOnCallRoster(viewer.unit()), Roster.class).join());
    model.addAttribute("keeper", viewer.is(Role.SUPERVISOR));
    model.addAttribute("tiers", OnCallGaps.STAFFED_TIERS);
    model.addAttribute("local", new LocalTime());
    return "oncall/on-call";
  }

  /** Formats instants for the page's fields and text. */
  static final class LocalTime {
    public String field(Instant at) {
      return LOCAL.format(at);
    }

    public String text(Instant at) {
      return LOCAL.format(at).replace('T', ' ');
    }
  }
}
