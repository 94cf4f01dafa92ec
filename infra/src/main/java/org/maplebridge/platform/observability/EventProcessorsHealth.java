package org.maplebridge.platform.observability;

import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.maplebridge.platform.operations.DeadLetters;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * Health of the projections: DOWN when a processor stopped or a segment is in error, with each
 * processor's segments, positions and parked (dead-lettered) events as details.
 */
@Component("eventProcessors")
class EventProcessorsHealth extends AbstractHealthIndicator {
  private final EventProcessingConfiguration processing;
  private final DeadLetters deadLetters;

  EventProcessorsHealth(EventProcessingConfiguration processing, DeadLetters deadLetters) {
    this.processing = processing;
    this.deadLetters = deadLetters;
  }

  @Override
  protected void doHealthCheck(Health.Builder health) {
    boolean up = true;
    Map<String, Long> parked = deadLetters.counts();
    for (Map.Entry<String, EventProcessor> entry : processing.eventProcessors().entrySet()) {
      Map<String, Object> details = new LinkedHashMap<>();
      EventProcessor processor = entry.getValue();
      details.put("running", processor.isRunning());
      details.put("error", processor.isError());
      details.put("deadLetters", parked.getOrDefault(entry.getKey(), 0L));
      up &= processor.isRunning() && !processor.isError();
      if (processor instanceof StreamingEventProcessor streaming) {
        Map<String, Object> segments = new LinkedHashMap<>();
        for (Map.Entry<Integer, EventTrackerStatus> segment :
            streaming.processingStatus().entrySet()) {
          EventTrackerStatus status = segment.getValue();
          up &= !status.isErrorState();
          segments.put(
              String.valueOf(segment.getKey()),
              Map.of(
                  "caughtUp", status.isCaughtUp(),
                  "position", status.getCurrentPosition().orElse(-1),
                  "error", status.isErrorState()));
        }
        details.put("segments", segments);
      }
      health.withDetail(entry.getKey(), details);
    }
    // Parked events do not stop the projection: it stays UP, and says how many it parked.
    health.withDetail("deadLetters", parked.values().stream().mapToLong(Long::longValue).sum());
    if (up) {
      health.up();
    } else {
      health.down();
    }
  }
}
