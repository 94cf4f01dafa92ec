package org.maplebridge.write;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.spring.authorization.MessageAuthorizationHandlerInterceptor;
import org.springframework.context.annotation.Configuration;

/**
 * Every command is checked where it is handled, whatever route it came by: its {@code @Secured}
 * roles against the authorities in its metadata (Axon's interceptor). What a role may do at all is
 * declared on the command; the relationship to the record is checked by the aggregate. Refusals of
 * either kind are recorded, so their interceptor comes first (not a bean: Axon would register a
 * handler interceptor bean once more, in an order of its own).
 */
@Configuration(proxyBeanMethods = false)
class CommandAuthorization {
  CommandAuthorization(CommandBus commands, EventGateway events) {
    commands.registerHandlerInterceptor(new RefusedWrites(events));
    commands.registerHandlerInterceptor(new MessageAuthorizationHandlerInterceptor<>());
  }
}
