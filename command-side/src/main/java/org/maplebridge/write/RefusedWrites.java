package org.maplebridge.write;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.spring.authorization.UnauthorizedMessageException;
import org.maplebridge.events.MetadataKeys;
import org.maplebridge.events.access.AccessRefused;

/**
 * Records every refused command for the access audit, as an {@link AccessRefused} event: who
 * attempted which command on which record. The refusal rolls back the command's unit of work and
 * the request's transaction, both bound to this thread, so the record is stored by another thread
 * in a transaction of its own, before the refusal is answered. A refusal that names no record (a
 * new record's role check) or no staff member is not recorded.
 */
class RefusedWrites implements MessageHandlerInterceptor<CommandMessage<?>> {
  private final EventGateway events;
  private final CommandTargetResolver targets = AnnotationCommandTargetResolver.builder().build();

  /** One thread, started when a refusal comes and ended when none came for a minute. */
  private final ExecutorService recorder =
      new ThreadPoolExecutor(
          0,
          1,
          1,
          TimeUnit.MINUTES,
          new LinkedBlockingQueue<>(),
          task -> {
            Thread thread = new Thread(task, "refused-writes");
            thread.setDaemon(true);
            return thread;
          });

  RefusedWrites(EventGateway events) {
    this.events = events;
  }

  @Override
  public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
      throws Exception {
    try {
      return chain.proceed();
    } catch (RecordNotFound
        | NotAllowed
        | AggregateNotFoundException
        | IncompatibleAggregateException
        | UnauthorizedMessageException refused) {
      CommandMessage<?> command = unitOfWork.getMessage();
      refusal(command, refused)
          .ifPresent(
              refusal ->
                  store(
                      GenericEventMessage.<AccessRefused>asEventMessage(refusal)
                          .andMetaData(
                              command
                                  .getMetaData()
                                  .subset(
                                      MetadataKeys.USER,
                                      MetadataKeys.ROLE,
                                      MetadataKeys.UNIT,
                                      MetadataKeys.CORRELATION_ID))));
      throw refused;
    }
  }

  private Optional<AccessRefused> refusal(CommandMessage<?> command, RuntimeException refused) {
    MetaData metadata = command.getMetaData();
    Object user = metadata.get(MetadataKeys.USER);
    Object role = metadata.get(MetadataKeys.ROLE);
    Optional<TargetRecord> record =
        refused instanceof RecordNotFound notFound
            ? notFound.record()
            : refused instanceof NotAllowed notAllowed ? notAllowed.record() : Optional.empty();
    Optional<TargetRecord> target = record.or(() -> targetOf(command));
    if (user == null || role == null || target.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new AccessRefused(
            UUID.randomUUID(),
            user.toString(),
            role.toString(),
            command.getPayloadType().getSimpleName(),
            target.get().type(),
            target.get().id(),
            target.get().unit()));
  }

  /** The record the command names, where the refusal came before the record was read. */
  private Optional<TargetRecord> targetOf(CommandMessage<?> command) {
    try {
      return Optional.of(
          new TargetRecord(
              null, UUID.fromString(targets.resolveTarget(command).getIdentifier()), null));
    } catch (IllegalArgumentException namesNoRecord) {
      return Optional.empty();
    }
  }

  /** Stored before the refusal is answered; if it cannot be, the command fails with that error. */
  private void store(EventMessage<AccessRefused> refusal) {
    try {
      CompletableFuture.runAsync(() -> events.publish(refusal), recorder).join();
    } catch (CompletionException failed) {
      throw failed.getCause() instanceof RuntimeException cause ? cause : failed;
    }
  }
}
