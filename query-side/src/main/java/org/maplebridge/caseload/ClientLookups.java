package org.maplebridge.caseload;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.maplebridge.caseload.CaseloadQueries.FindClients;
import org.maplebridge.caseload.ClientMatches.ClientMatch;
import org.maplebridge.events.Actor;
import org.maplebridge.read.InvalidParameter;
import org.springframework.ui.Model;

/**
 * The returning-person lookup as the form pages offer it (template {@code caseload/client-lookup}):
 * the same query as {@code GET /api/clients}, so the same scope, masking and access record; a
 * request the API would refuse (400) is said on the page instead.
 */
public final class ClientLookups {
  private ClientLookups() {}

  /**
   * What a page shows of a lookup: {@code lookedUp}, {@code matches} and {@code lookupInvalid} (the
   * field at fault) once one of the lookup's fields was sent.
   */
  public static void offer(
      QueryGateway queries,
      Actor viewer,
      Model model,
      String reference,
      String phone,
      String birthYear) {
    if (isBlank(reference) && isBlank(phone) && isBlank(birthYear)) {
      return;
    }
    model.addAttribute("lookedUp", true);
    try {
      model.addAttribute(
          "matches", find(queries, FindClients.of(viewer, reference, phone, birthYear)));
    } catch (InvalidParameter invalid) {
      model.addAttribute("lookupInvalid", fieldOf(invalid));
    }
  }

  /**
   * The client a page was sent back with ({@code ?client=<reference>}), if the lookup finds them.
   */
  public static Optional<ClientMatch> chosen(QueryGateway queries, Actor viewer, String reference) {
    if (isBlank(reference)) {
      return Optional.empty();
    }
    try {
      return find(queries, FindClients.of(viewer, reference, null, null)).stream().findFirst();
    } catch (InvalidParameter notAReference) {
      return Optional.empty();
    }
  }

  private static List<ClientMatch> find(QueryGateway queries, FindClients query) {
    return queries
        .query(query, ResponseTypes.optionalInstanceOf(ClientMatches.class))
        .join()
        .map(ClientMatches::items)
        .orElse(List.of());
  }

  private static String fieldOf(InvalidParameter invalid) {
    Map<String, Object> properties = invalid.getBody().getProperties();
    if (properties != null && properties.get("errors") instanceof Map<?, ?> errors) {
      return errors.keySet().stream().findFirst().map(String::valueOf).orElse("reference");
    }
    return "reference";
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
