package org.maplebridge.crisisboard;

import java.util.List;
import java.util.Optional;
import org.maplebridge.read.ReadModel;
import org.springframework.stereotype.Component;

/** Crisis episodes with their escalations, follow-ups, contacts and safety plan versions. */
@Component
class CrisisBoardReadModel implements ReadModel {

  @Override
  public String processingGroup() {
    return CrisisBoardProjection.GROUP;
  }

  @Override
  public List<String> tables() {
    return List.of(
        "crisis_view",
        "crisis_escalation",
        "crisis_follow_up",
        "crisis_client_reference",
        "crisis_emergency_access",
        "crisis_contact",
        "crisis_safety_plan_version");
  }

  @Override
  public Optional<RecordRows> recordRows() {
    return Optional.of(new RecordRows("CrisisEpisode", "crisis_view", "crisis_id"));
  }
}
