package org.maplebridge.platform.storage;

import java.sql.SQLException;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;

/**
 * Recognises PostgreSQL's unique violation (SQLSTATE 23505) anywhere in the cause chain, including
 * the next exceptions of a JDBC batch. Axon's default resolver compares vendor error codes, which
 * PostgreSQL leaves at 0, so without this a second event at the same sequence (two writers on one
 * case) would surface as a storage error instead of a conflict.
 */
class PostgresDuplicateKeyResolver implements PersistenceExceptionResolver {
  private static final String UNIQUE_VIOLATION = "23505";

  @Override
  public boolean isDuplicateKeyViolation(Exception exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql) {
        for (SQLException next = sql; next != null; next = next.getNextException()) {
          if (UNIQUE_VIOLATION.equals(next.getSQLState())) {
            return true;
          }
        }
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }
}
