package org.maplebridge.read;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

/** Asks for one record in the viewer's scope; outside it or absent answers 404 alike. */
public final class Queries {
  private Queries() {}

  public static <T> T one(QueryGateway queries, Object query, Class<T> type, String what) {
    return queries
        .query(query, ResponseTypes.optionalInstanceOf(type))
        .join()
        .orElseThrow(() -> new NotFound(what));
  }
}
