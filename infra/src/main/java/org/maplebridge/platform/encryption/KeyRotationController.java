package org.maplebridge.platform.encryption;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.maplebridge.events.Actor;
import org.maplebridge.events.Role;
import org.maplebridge.write.NotAllowed;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The administrator rotates the key-encryption key, say when someone who knew it leaves. */
@RestController
@Tag(name = "Operations", description = "Dead letters, projection rebuilds and reconciliation")
class KeyRotationController {
  private final DataKeys keys;
  private final TransactionTemplate transactions;

  KeyRotationController(DataKeys keys, TransactionTemplate transactions) {
    this.keys = keys;
    this.transactions = transactions;
  }

  @PostMapping("/api/admin/key-rotation")
  @Operation(
      summary =
          "Admin: a new key-encryption key; every data key re-wrapped with it (events untouched)")
  Map<String, Object> rotate(Actor caller) {
    if (!caller.is(Role.ADMIN)) {
      throw new NotAllowed("The platform's keys are the administrator's");
    }
    Map.Entry<String, Integer> rotated = keys.rotate(transactions);
    return Map.of("kek", rotated.getKey(), "rewrapped", rotated.getValue());
  }
}
