package org.maplebridge.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.maplebridge.events.MetadataKeys;
import org.maplebridge.platform.security.StaffAccounts;
import org.maplebridge.platform.security.StaffAuthorities;
import org.maplebridge.write.ActorMetadata;
import org.maplebridge.write.NotAllowed;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Stamps every command sent from a request with who sent it (user, role, unit), the request's
 * correlation id and idempotency key, and the version the caller expects (If-Match). Axon stores
 * this metadata with the events the command causes.
 */
@Component
class CommandMetadata implements MessageDispatchInterceptor<CommandMessage<?>> {
  static final String CORRELATION_HEADER = "X-Correlation-Id";
  static final String IDEMPOTENCY_HEADER = "Idempotency-Key";
  private final StaffAccounts accounts;

  CommandMetadata(StaffAccounts accounts) {
    this.accounts = accounts;
  }

  @Override
  public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
      List<? extends CommandMessage<?>> messages) {
    return (index, command) -> command.andMetaData(metadata(command));
  }

  private Map<String, Object> metadata(CommandMessage<?> command) {
    Map<String, Object> metadata = new HashMap<>();
    if (!command.getMetaData().containsKey(MetadataKeys.USER)) {
      StaffAuthorities.actorOf(SecurityContextHolder.getContext().getAuthentication())
          .ifPresent(
              actor -> {
                // Switched off while the request was under way: nothing more is sent in their name.
                if (!accounts.stillOn(actor.username())) {
                  throw new NotAllowed("This account is switched off");
                }
                metadata.putAll(ActorMetadata.of(actor));
              });
    }
    if (RequestContextHolder.getRequestAttributes()
        instanceof ServletRequestAttributes attributes) {
      HttpServletRequest request = attributes.getRequest();
      String correlation = request.getHeader(CORRELATION_HEADER);
      metadata.put(
          MetadataKeys.CORRELATION_ID,
          correlation != null && correlation.length() <= 100
              ? correlation
              : UUID.randomUUID().toString());
      String key = request.getHeader(IDEMPOTENCY_HEADER);
      if (key != null) {
        metadata.put(MetadataKeys.IDEMPOTENCY_KEY, key);
      }
      String ifMatch = request.getHeader(HttpHeaders.IF_MATCH);
      if (ifMatch != null) {
        metadata.put(MetadataKeys.EXPECTED_VERSION, ExpectedVersion.parse(ifMatch));
      }
    }
    return metadata;
  }
}
