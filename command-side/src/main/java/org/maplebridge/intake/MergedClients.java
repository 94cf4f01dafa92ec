package org.maplebridge.intake;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.maplebridge.events.client.ClientsMerged;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The client registry's record of merges, so that a duplicate's reference finds the client who
 * stayed, and a merged client is not merged again (an erased one is not found at all: {@link
 * ClientCare}). Part of the subscribing client-care processor: written in the same transaction as
 * the event.
 */
@Component
@ProcessingGroup(ClientCare.GROUP)
class MergedClients {
  private final JdbcClient jdbc;

  MergedClients(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @EventHandler
  void on(ClientsMerged event) {
    jdbc.sql("UPDATE client_registry SET merged_into = :into WHERE client_id = :duplicate")
        .param("into", event.survivingClientId())
        .param("duplicate", event.duplicateClientId())
        .update();
  }
}
