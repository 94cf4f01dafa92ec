package org.maplebridge.platform.encryption;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.maplebridge.events.privacy.PersonErased;
import org.maplebridge.platform.operations.ErasureVacuum;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Erasure is key destruction: the data keys of the erased person's records go in the transaction
 * that stores {@link PersonErased} (a subscribing processor), so the event and the destruction
 * commit or vanish together. Once committed, the tables that held the person's plaintext are
 * vacuumed (not possible inside a transaction).
 */
@Component
@ProcessingGroup("erasure-keys")
class KeyDestruction {
  private final DataKeys keys;
  private final ErasureVacuum vacuum;

  KeyDestruction(DataKeys keys, ErasureVacuum vacuum) {
    this.keys = keys;
    this.vacuum = vacuum;
  }

  @EventHandler
  void on(PersonErased event) {
    keys.destroy(event.records());
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              vacuum.onceReadModelsCaughtUp();
            }
          });
    } else {
      vacuum.onceReadModelsCaughtUp();
    }
  }
}
