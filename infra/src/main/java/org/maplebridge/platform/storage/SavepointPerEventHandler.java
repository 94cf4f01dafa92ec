package org.maplebridge.platform.storage;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.maplebridge.read.ProjectionWrites;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Lets a projection's failing event be parked in the dead-letter queue instead of stalling its
 * processor. When a handler fails, PostgreSQL aborts the whole batch transaction, so the event
 * could not even be parked (found by the poison-event test). Handlers therefore run in a savepoint
 * of the batch's transaction, so only the failing handler's writes are undone. Savepoints cost two
 * round trips per event, half of a projection's work (measured in the benchmark's replay), so they
 * are taken only after a failure: the first failure aborts its batch, the processor retries it, and
 * from then on, for a while, every handler runs in a savepoint and the failing event is parked.
 * Outside those careful times a batch's {@link ProjectionWrites} wait for its commit, and a failure
 * to send them makes the platform careful in the same way; while careful, each event's writes are
 * sent inside its savepoint.
 */
class SavepointPerEventHandler implements HandlerEnhancerDefinition {
  /** How long handlers keep running in savepoints after a failure. */
  static final Duration CAREFUL_FOR = Duration.ofMinutes(10);

  private final TransactionTemplate savepoint;
  private final AtomicLong carefulUntil = new AtomicLong(System.nanoTime());

  SavepointPerEventHandler(PlatformTransactionManager transactions) {
    this.savepoint = new TransactionTemplate(transactions);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  @Override
  public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
    boolean projectionHandler =
        original.annotationAttributes(EventHandler.class).isPresent()
            && original.annotationAttributes(EventSourcingHandler.class).isEmpty();
    if (!projectionHandler) {
      return original;
    }
    return new WrappedMessageHandlingMember<>(original) {
      @Override
      public Object handle(Message<?> message, T target) throws Exception {
        if (!TransactionSynchronizationManager.isActualTransactionActive()
            || !CurrentUnitOfWork.isStarted()) {
          return super.handle(message, target);
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        if (System.nanoTime() - carefulUntil.get() > 0) {
          ProjectionWrites.deferUntilCommit(batch, this::beCareful);
          try {
            return super.handle(message, target);
          } catch (Exception | Error failed) {
            // The batch's transaction is lost with it; its retry runs in savepoints.
            beCareful();
            throw failed;
          }
        }
        // Writes held from earlier events of the batch go first, outside this event's savepoint.
        ProjectionWrites.sendDeferred(batch);
        try {
          return savepoint.execute(
              status -> {
                try {
                  Object result = super.handle(message, target);
                  ProjectionWrites.sendDeferred(batch);
                  return result;
                } catch (Exception e) {
                  throw new HandlerFailed(e);
                }
              });
        } catch (HandlerFailed failed) {
          ProjectionWrites.discardDeferred(batch);
          throw failed.cause;
        } catch (RuntimeException | Error failed) {
          ProjectionWrites.discardDeferred(batch);
          throw failed;
        }
      }

      private void beCareful() {
        carefulUntil.set(System.nanoTime() + CAREFUL_FOR.toNanos());
      }
    };
  }

  /** Carries a checked exception out of the savepoint, which it rolls back. */
  private static final class HandlerFailed extends RuntimeException {
    private final Exception cause;

    HandlerFailed(Exception cause) {
      super(cause);
      this.cause = cause;
    }
  }
}
