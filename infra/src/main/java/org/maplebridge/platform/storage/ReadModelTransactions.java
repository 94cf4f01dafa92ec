package org.maplebridge.platform.storage;

import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A projection's batch commits without waiting for the disk. If PostgreSQL crashes just after, the
 * batch and its token are lost together and the projection handles those events again from the
 * event store, which stays durable; an acknowledged write is never lost. Measured: every event
 * otherwise cost each processor a flush of the write-ahead log of its own, competing with the
 * commands' flushes.
 */
final class ReadModelTransactions implements TransactionManager {
  private final TransactionManager transactions;
  private final JdbcTemplate jdbc;

  ReadModelTransactions(TransactionManager transactions, JdbcTemplate jdbc) {
    this.transactions = transactions;
    this.jdbc = jdbc;
  }

  @Override
  public Transaction startTransaction() {
    Transaction transaction = transactions.startTransaction();
    try {
      jdbc.execute("SET LOCAL synchronous_commit TO OFF");
    } catch (RuntimeException connectionLost) {
      // Nobody else can end this transaction: left open, it would stay bound to the processor's
      // thread, and every later batch would join it on the dead connection (found by the
      // database-restart test).
      try {
        transaction.rollback();
      } catch (RuntimeException alreadyGone) {
        connectionLost.addSuppressed(alreadyGone);
      }
      throw connectionLost;
    }
    return transaction;
  }
}
