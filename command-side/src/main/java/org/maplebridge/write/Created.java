package org.maplebridge.write;

import java.net.URI;
import java.util.UUID;

/** The answer to a create: {@code {"id": ...}}, with the new record's address in Location. */
public record Created(UUID id) {

  public static org.springframework.http.ResponseEntity<Created> at(String location, UUID id) {
    return org.springframework.http.ResponseEntity.created(URI.create(location))
        .body(new Created(id));
  }
}
