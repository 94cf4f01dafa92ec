package org.maplebridge.providers;

import java.util.List;
import java.util.Optional;
import org.maplebridge.read.ReadModel;
import org.springframework.stereotype.Component;

/** The service directory. */
@Component
class DirectoryReadModel implements ReadModel {

  @Override
  public String processingGroup() {
    return ProviderDirectory.GROUP;
  }

  @Override
  public List<String> tables() {
    return List.of("provider_view");
  }

  @Override
  public Optional<RecordRows> recordRows() {
    return Optional.of(new RecordRows("ServiceProvider", "provider_view", "provider_id"));
  }
}
