package org.maplebridge.platform.integrity;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/** DOWN while the last verification found the chain broken (an operator must look). */
@Component("auditChainHealthIndicator")
class AuditChainHealth extends AbstractHealthIndicator {
  private final AuditChain chain;

  AuditChainHealth(AuditChain chain) {
    this.chain = chain;
  }

  @Override
  protected void doHealthCheck(Health.Builder health) {
    chain
        .lastVerification()
        .ifPresentOrElse(
            last -> {
              (last.valid() ? health.up() : health.down()).withDetail("checked", last.checked());
              if (last.firstBroken() != null) {
                health.withDetail("firstBroken", last.firstBroken());
              }
            },
            () -> health.up().withDetail("checked", 0));
  }
}
