package org.maplebridge.oncall;

import java.util.List;
import org.maplebridge.read.ReadModel;
import org.springframework.stereotype.Component;

/** Each unit's on-call roster. */
@Component
class OnCallReadModel implements ReadModel {

  @Override
  public String processingGroup() {
    return OnCallProjection.GROUP;
  }

  @Override
  public List<String> tables() {
    return List.of("on_call_roster", "on_call_period");
  }
}
