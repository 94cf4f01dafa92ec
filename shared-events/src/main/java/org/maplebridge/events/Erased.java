package org.maplebridge.events;

/**
 * What a personal or clinical field reads as once its person was erased (the record's data key
 * destroyed): text fields read as {@link #TEXT}, collections as empty, numbers as zero, anything
 * else as absent. Never an exception, so aggregates, histories, replays and upcasters keep working
 * on the events that remain.
 */
public final class Erased {
  /** The text an erased text field reads as; pages show it as "erased" in the reader's language. */
  public static final String TEXT = "[erased]";

  private Erased() {}
}
