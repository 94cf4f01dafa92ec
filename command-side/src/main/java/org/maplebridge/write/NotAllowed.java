package org.maplebridge.write;

/** The caller may see the record but not do this with it (403). */
public class NotAllowed extends RuntimeException {
  public NotAllowed(String explanation) {
    super(explanation);
  }
}
