package org.maplebridge.read;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Read-your-writes: a read that sends back the {@code X-Consistency-Token} of a write waits
 * (bounded) until this instance's projections have processed the events up to that position.
 */
@Component
public class ReadYourWrites implements HandlerInterceptor {
  public static final String HEADER = "X-Consistency-Token";
  private final EventProcessingConfiguration processing;
  private final Duration maxWait;

  ReadYourWrites(
      EventProcessingConfiguration processing,
      @Value("${maplebridge.read-your-writes.max-wait:PT5S}") Duration maxWait) {
    this.processing = processing;
    this.maxWait = maxWait;
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    String token = request.getHeader(HEADER);
    if (token != null && token.matches("\\d{1,18}")) {
      awaitPosition(Long.parseLong(token));
    }
    return true;
  }

  /** Waits until every projection has passed {@code position}, or the wait runs out. */
  public boolean awaitPosition(long position) {
    long deadline = System.nanoTime() + maxWait.toNanos();
    while (!caughtUp(position)) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }

  private boolean caughtUp(long position) {
    for (StreamingEventProcessor processor :
        processing.eventProcessors().values().stream()
            .filter(StreamingEventProcessor.class::isInstance)
            .map(StreamingEventProcessor.class::cast)
            .toList()) {
      Collection<EventTrackerStatus> segments = processor.processingStatus().values();
      for (EventTrackerStatus segment : segments) {
        OptionalLong current = segment.getCurrentPosition();
        if (current.isEmpty() || current.getAsLong() < position) {
          return false;
        }
      }
    }
    return true;
  }
}
