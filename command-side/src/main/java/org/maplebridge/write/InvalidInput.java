package org.maplebridge.write;

import java.util.Map;

/** Input that fails a domain check the request format cannot express (400), per field. */
public class InvalidInput extends RuntimeException {
  private final Map<String, String> fieldErrors;

  public InvalidInput(String field, String explanation) {
    super(explanation);
    this.fieldErrors = Map.of(field, explanation);
  }

  public Map<String, String> fieldErrors() {
    return fieldErrors;
  }
}
