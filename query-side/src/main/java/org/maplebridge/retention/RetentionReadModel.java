package org.maplebridge.retention;

import java.util.List;
import org.maplebridge.read.ReadModel;
import org.springframework.stereotype.Component;

/** The privacy officer's retention list, legal holds and erasures. */
@Component
class RetentionReadModel implements ReadModel {

  @Override
  public String processingGroup() {
    return RetentionProjection.GROUP;
  }

  @Override
  public List<String> tables() {
    return List.of("retention_record", "retention_hold", "retention_erasure");
  }
}
