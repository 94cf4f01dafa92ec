package org.maplebridge.write;

import java.util.Optional;

/** The caller may see the record but not do this with it (403). */
public class NotAllowed extends RuntimeException {
  private final TargetRecord record;

  public NotAllowed(String explanation) {
    this(explanation, null);
  }

  public NotAllowed(String explanation, TargetRecord record) {
    super(explanation);
    this.record = record;
  }

  /** The record the refused command aimed at, for the access audit. */
  public Optional<TargetRecord> record() {
    return Optional.ofNullable(record);
  }
}
