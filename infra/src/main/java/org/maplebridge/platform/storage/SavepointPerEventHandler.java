package org.maplebridge.platform.storage;

import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs every projection's event handler in a savepoint of its batch's transaction. When a handler
 * fails, PostgreSQL would otherwise abort the whole transaction, so the event could not even be
 * parked in the dead-letter queue and the processor would stall on it; rolled back to the
 * savepoint, only that handler's writes are undone and the event is parked while the rest of the
 * batch goes on. (Found by the poison-event test.)
 */
class SavepointPerEventHandler implements HandlerEnhancerDefinition {
  private final TransactionTemplate savepoint;

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
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
          return super.handle(message, target);
        }
        try {
          return savepoint.execute(
              status -> {
                try {
                  return super.handle(message, target);
                } catch (Exception e) {
                  throw new HandlerFailed(e);
                }
              });
        } catch (HandlerFailed failed) {
          throw failed.cause;
        }
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
