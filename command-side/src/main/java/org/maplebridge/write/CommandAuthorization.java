package org.maplebridge.write;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.spring.authorization.MessageAuthorizationHandlerInterceptor;
import org.springframework.context.annotation.Configuration;

/**
 * Every command is checked where it is handled, whatever route it came by: its {@code @Secured}
 * roles against the authorities in its metadata (Axon's interceptor). What a role may do at all is
 * declared on the command; the relationship to the record is checked by the aggregate.
 */
@Configuration(proxyBeanMethods = false)
class CommandAuthorization {
  CommandAuthorization(CommandBus commands) {
    commands.registerHandlerInterceptor(new MessageAuthorizationHandlerInterceptor<>());
  }
}
