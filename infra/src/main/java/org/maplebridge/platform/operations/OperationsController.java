package org.maplebridge.platform.operations;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.maplebridge.events.Actor;
import org.maplebridge.events.Role;
import org.maplebridge.write.NotAllowed;
import org.maplebridge.write.RecordNotFound;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** What an operator (the admin) needs when something went wrong in the projections. */
@RestController
@Tag(name = "Operations", description = "Dead letters, projection rebuilds and reconciliation")
class OperationsController {
  private final DeadLetters deadLetters;
  private final ReadModels readModels;
  private final Reconciliation reconciliation;

  OperationsController(
      DeadLetters deadLetters, ReadModels readModels, Reconciliation reconciliation) {
    this.deadLetters = deadLetters;
    this.readModels = readModels;
    this.reconciliation = reconciliation;
  }

  @GetMapping("/api/admin/dead-letters")
  @Operation(summary = "Admin: events parked per projection and record, in order, with the cause")
  List<DeadLetters.ParkedRecord> parked(Actor caller) {
    requireAdmin(caller);
    return deadLetters.list();
  }

  @PostMapping("/api/admin/dead-letters/{group}/retry")
  @Operation(summary = "Admin: retry a projection's parked records, each in its order")
  DeadLetters.Retried retry(@PathVariable String group, Actor caller) {
    requireAdmin(caller);
    if (!deadLetters.counts().containsKey(group)) {
      throw new RecordNotFound("Processing group " + group);
    }
    return deadLetters.retry(group);
  }

  @PostMapping("/api/admin/projections/replay")
  @Operation(summary = "Admin: rebuild every read model from the event store (in the background)")
  ResponseEntity<Map<String, List<String>>> replay(Actor caller) throws Exception {
    requireAdmin(caller);
    return ResponseEntity.accepted().body(Map.of("replaying", readModels.replay()));
  }

  @GetMapping("/api/admin/read-models")
  @Operation(summary = "Admin: rows and checksum of every read-model table")
  Map<String, Object> readModels(Actor caller) {
    requireAdmin(caller);
    return Map.of("caughtUp", readModels.caughtUp(), "tables", readModels.checksums());
  }

  @GetMapping("/api/admin/reconciliation")
  @Operation(summary = "Admin: acknowledged vs stored vs projected, with every difference")
  Reconciliation.Report reconcile(Actor caller) {
    requireAdmin(caller);
    return reconciliation.report();
  }

  private static void requireAdmin(Actor caller) {
    if (!caller.is(Role.ADMIN)) {
      throw new NotAllowed("Operations are for the administrator");
    }
  }
}
