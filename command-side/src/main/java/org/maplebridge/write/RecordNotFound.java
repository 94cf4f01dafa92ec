package org.maplebridge.write;

/**
 * The record does not exist or lies outside the caller's scope; the two are answered alike (404) so
 * nobody learns that a record exists.
 */
public class RecordNotFound extends RuntimeException {
  public RecordNotFound(String what) {
    super(what + " not found");
  }
}
