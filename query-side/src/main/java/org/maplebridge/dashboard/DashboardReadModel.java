package org.maplebridge.dashboard;

import java.util.List;
import org.maplebridge.read.ReadModel;
import org.springframework.stereotype.Component;

/** The unit dashboard's own facts of cases, crisis episodes and referrals. */
@Component
class DashboardReadModel implements ReadModel {

  @Override
  public String processingGroup() {
    return DashboardProjection.GROUP;
  }

  @Override
  public List<String> tables() {
    return List.of(
        "dashboard_case",
        "dashboard_crisis",
        "dashboard_escalation",
        "dashboard_follow_up",
        "dashboard_referral");
  }
}
