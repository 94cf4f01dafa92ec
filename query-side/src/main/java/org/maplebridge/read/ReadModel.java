package org.maplebridge.read;

import java.util.List;
import java.util.Optional;

/**
 * A read model as the platform sees it: the processing group that alone writes it, and the tables
 * it owns. Each read model declares itself as a bean; the platform discovers them to configure
 * their processors, rebuild them, checksum their tables and reconcile them with the event store, so
 * no list of tables or processors is kept anywhere else.
 */
public interface ReadModel {

  String processingGroup();

  /** Every table the projection writes; a rebuild empties and refills exactly these. */
  List<String> tables();

  /** The table with one row per record, at the version of its last event, if the model has one. */
  default Optional<RecordRows> recordRows() {
    return Optional.empty();
  }

  /** One row per record of {@code aggregateType} in {@code table}, keyed by {@code idColumn}. */
  record RecordRows(String aggregateType, String table, String idColumn) {}
}
