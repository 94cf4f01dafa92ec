package org.maplebridge.write;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.maplebridge.events.MetadataKeys;
import org.springframework.stereotype.Component;

/**
 * Optimistic concurrency without a version field in every command: the aggregate named by the
 * command's {@code @TargetAggregateIdentifier} must be at the version the caller last saw (HTTP
 * If-Match, carried as metadata), or the command is refused as a conflict.
 */
@Component(ExpectedVersionFromMetadata.BEAN)
public class ExpectedVersionFromMetadata implements CommandTargetResolver {
  public static final String BEAN = "expectedVersionFromMetadata";
  private final CommandTargetResolver identifiers =
      AnnotationCommandTargetResolver.builder().build();

  @Override
  public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
    VersionedAggregateIdentifier target = identifiers.resolveTarget(command);
    Object expected = command.getMetaData().get(MetadataKeys.EXPECTED_VERSION);
    if (expected == null) {
      return target;
    }
    return new VersionedAggregateIdentifier(
        target.getIdentifierValue(), Long.valueOf(expected.toString()));
  }
}
