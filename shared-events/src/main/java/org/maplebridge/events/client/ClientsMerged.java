package org.maplebridge.events.client;

import java.util.UUID;
import org.maplebridge.events.NotClinical;

/**
 * The unit's supervisor found that two clients of the unit are one person and merged the duplicate
 * into the surviving client: from now on the duplicate's reference finds the surviving client, and
 * the duplicate's cases show them; the duplicate's own events stay as they were, so its history
 * reads as it happened. The reason names the matter (which facts agreed), never the person.
 */
public record ClientsMerged(
    UUID duplicateClientId,
    String duplicateReference,
    UUID survivingClientId,
    String survivingReference,
    String unit,
    @NotClinical String reason,
    String mergedBy)
    implements ClientEvent {

  /**
   * The stream a duplicate's merge is stored in: one per duplicate, named by its reference (never
   * reused), where a case's history finds it.
   */
  public static String streamOf(String duplicateReference) {
    return "client-merge:" + duplicateReference;
  }
}
