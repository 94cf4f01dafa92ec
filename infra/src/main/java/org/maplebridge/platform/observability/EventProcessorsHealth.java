package org.maplebridge.platform.observability;

import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * Health of the projections: DOWN when a processor stopped or a segment is in error, with each
 * processor's segments and positions as details.
 */
@Component("eventProcessors")
class EventProcessorsHealth extends AbstractHealthIndicator {
  private final EventProcessingConfiguration processing;

  EventProcessorsHealth(EventProcessingConfiguration processing) {
    this.processing = processing;
  }

  @Override
  protected void doHealthCheck(Health.Builder health) {
    boolean up = true;
    for (Map.Entry<String, EventProcessor> entry : processing.eventProcessors().entrySet()) {
      Map<String, Object> details = new LinkedHashMap<>();
      EventProcessor processor = entry.getValue();
      details.put("running", processor.isRunning());
      details.put("error", processor.isError());
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
    if (up) {
      health.up();
    } else {
      health.down();
    }
  }
}
