package org.maplebridge.write;

import java.util.Optional;

/**
 * The record does not exist or lies outside the caller's scope; the two are answered alike (404) so
 * nobody learns that a record exists.
 */
public class RecordNotFound extends RuntimeException {
  private final TargetRecord record;

  /** Something other than a person's record, e.g. a processing group. */
  public RecordNotFound(String what) {
    this(what, null);
  }

  /** {@code what} was not found in {@code record}, or the record itself was not. */
  public RecordNotFound(String what, TargetRecord record) {
    super(what + " not found");
    this.record = record;
  }

  /** The record the refused command aimed at, for the access audit. */
  public Optional<TargetRecord> record() {
    return Optional.ofNullable(record);
  }
}
