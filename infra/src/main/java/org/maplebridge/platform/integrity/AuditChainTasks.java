package org.maplebridge.platform.integrity;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The chain grows every few seconds (round after round while there is a backlog) and is verified
 * every hour, each on one instance at a time (db-scheduler's recurring tasks).
 */
@Configuration(proxyBeanMethods = false)
class AuditChainTasks {

  @Bean
  RecurringTask<Void> auditChainExtension(AuditChain chain) {
    return Tasks.recurring("audit-chain-extension", FixedDelay.ofSeconds(5))
        .execute(
            (instance, context) -> {
              while (chain.extend() >= AuditChain.PER_ROUND) {
                // a full round: more has settled since
              }
            });
  }

  @Bean
  RecurringTask<Void> auditChainVerification(AuditChain chain) {
    return Tasks.recurring("audit-chain-verification", FixedDelay.ofHours(1))
        .execute((instance, context) -> chain.verify());
  }
}
