package org.maplebridge.write;

import java.lang.reflect.Executable;
import java.lang.reflect.Parameter;
import java.util.List;
import java.util.UUID;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.ParameterResolver;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.maplebridge.events.Actor;
import org.maplebridge.events.MetadataKeys;
import org.maplebridge.events.Role;

/**
 * Lets message handlers take the acting {@link Actor} as a parameter, built from the message's
 * metadata. A command without actor metadata is refused, whatever route it came by.
 */
public class ActorParameterResolverFactory implements ParameterResolverFactory {

  @Override
  public ParameterResolver<Actor> createInstance(
      Executable executable, Parameter[] parameters, int parameterIndex) {
    if (!Actor.class.equals(parameters[parameterIndex].getType())) {
      return null;
    }
    return new ParameterResolver<>() {
      @Override
      public Actor resolveParameterValue(Message<?> message) {
        return actorOf(message.getMetaData());
      }

      @Override
      public boolean matches(Message<?> message) {
        return true;
      }
    };
  }

  static Actor actorOf(MetaData metaData) {
    Object user = metaData.get(MetadataKeys.USER);
    Object role = metaData.get(MetadataKeys.ROLE);
    if (user == null || role == null) {
      throw new NotAllowed("The command carries no signed-in staff member");
    }
    Object authorities = metaData.get(MetadataKeys.AUTHORITIES);
    if (authorities == null
        || !List.of(authorities.toString().split(","))
            .contains(ActorMetadata.ROLE_AUTHORITY + role)) {
      throw new NotAllowed("The command's role and its authorities disagree");
    }
    Object unit = metaData.get(MetadataKeys.UNIT);
    Object provider = metaData.get(MetadataKeys.PROVIDER);
    Role acting = Role.valueOf(role.toString());
    if ((acting == Role.PROVIDER) != (provider != null)) {
      throw new NotAllowed("Provider staff, and only they, act for a provider");
    }
    return new Actor(
        user.toString(),
        acting,
        unit == null || unit.toString().isBlank() ? null : unit.toString(),
        provider == null ? null : UUID.fromString(provider.toString()));
  }
}
