package org.maplebridge.audit;

import java.util.List;
import org.maplebridge.read.ReadModel;
import org.springframework.stereotype.Component;

/** The access log and the emergency-access grants. */
@Component
class AccessAuditReadModel implements ReadModel {
  static final String GROUP = "access-audit";

  @Override
  public String processingGroup() {
    return GROUP;
  }

  @Override
  public List<String> tables() {
    return List.of("access_log", "access_audit_record", "emergency_grant");
  }
}
