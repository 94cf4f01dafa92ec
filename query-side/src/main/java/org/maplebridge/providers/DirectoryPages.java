package org.maplebridge.providers;

import java.util.UUID;
import org.axonframework.queryhandling.QueryGateway;
import org.maplebridge.events.Actor;
import org.maplebridge.events.Role;
import org.maplebridge.events.directory.ServiceType;
import org.maplebridge.providers.ProviderDirectory.FindProvider;
import org.maplebridge.providers.ProviderDirectory.FindProviders;
import org.maplebridge.providers.ProviderDirectory.Provider;
import org.maplebridge.providers.ProviderDirectory.Providers;
import org.maplebridge.read.Forbidden;
import org.maplebridge.read.Queries;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The administrator keeps the service directory: the list, a new provider, an edited entry; every
 * staff member looks in it.
 */
@Controller
class DirectoryPages {
  private final QueryGateway queries;

  DirectoryPages(QueryGateway queries) {
    this.queries = queries;
  }

  @GetMapping("/admin/providers")
  String directory(
      @RequestParam(required = false) ServiceType serviceType, Actor viewer, Model model) {
    requireAdmin(viewer);
    return list(serviceType, true, model);
  }

  /** The directory to look in, for every staff member (as the API lets all staff search it). */
  @GetMapping("/providers")
  String lookUp(@RequestParam(required = false) ServiceType serviceType, Model model) {
    return list(serviceType, false, model);
  }

  private String list(ServiceType serviceType, boolean admin, Model model) {
    model.addAttribute(
        "providers",
        queries.query(new FindProviders(serviceType, null), Providers.class).join().items());
    model.addAttribute("serviceType", serviceType);
    model.addAttribute("admin", admin);
    return "providers/providers";
  }

  @GetMapping("/admin/providers/new")
  String newProvider(Actor viewer) {
    requireAdmin(viewer);
    return "providers/provider";
  }

  @GetMapping("/admin/providers/{id}")
  String provider(@PathVariable UUID id, Actor viewer, Model model) {
    requireAdmin(viewer);
    model.addAttribute(
        "provider", Queries.one(queries, new FindProvider(id), Provider.class, "Provider " + id));
    return "providers/provider";
  }

  private static void requireAdmin(Actor viewer) {
    if (!viewer.is(Role.ADMIN)) {
      throw new Forbidden("The service directory is kept by the administrator");
    }
  }
}
