package org.maplebridge.privacy;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import org.maplebridge.events.privacy.RetentionPeriod;
import org.maplebridge.privacy.PersonRecords.Kept;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** How long records are kept after closure ({@code maplebridge.retention.after-closure}). */
@Component
class RetentionSettings {
  private final RetentionPeriod afterClosure;
  private final Clock clock = Clock.systemUTC();

  RetentionSettings(@Value("${maplebridge.retention.after-closure:P3Y}") String afterClosure) {
    this.afterClosure = RetentionPeriod.parse(afterClosure);
  }

  Instant now() {
    return clock.instant();
  }

  /**
   * Since when the records are due for erasure: the retention period after the last of them closed;
   * empty while any is open.
   */
  Optional<Instant> dueSince(Collection<Kept> records) {
    if (records.isEmpty() || records.stream().anyMatch(record -> record.closedAt() == null)) {
      return Optional.empty();
    }
    return records.stream().map(Kept::closedAt).max(Instant::compareTo).map(afterClosure::endOf);
  }
}
