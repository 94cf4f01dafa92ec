package org.maplebridge.platform.web;

import java.util.List;
import org.axonframework.queryhandling.QueryGateway;
import org.maplebridge.crisisboard.CrisisQueries.FindWaitingForMe;
import org.maplebridge.crisisboard.CrisisViews.WaitingForMe;
import org.maplebridge.platform.security.StaffAuthorities;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The header's badge on every page: how many escalations wait for the signed-in person's own
 * acknowledgement (by the on-call roster), so the one on call sees it wherever they are.
 */
@Component("waitingForMe")
public class WaitingBadge {
  private final QueryGateway queries;

  WaitingBadge(QueryGateway queries) {
    this.queries = queries;
  }

  public WaitingForMe now() {
    return StaffAuthorities.actorOf(SecurityContextHolder.getContext().getAuthentication())
        .map(actor -> queries.query(new FindWaitingForMe(actor), WaitingForMe.class).join())
        .orElse(new WaitingForMe(0, List.of()));
  }
}
