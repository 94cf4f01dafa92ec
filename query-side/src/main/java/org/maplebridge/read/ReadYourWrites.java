package org.maplebridge.read;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Read-your-writes: a read that sends back the {@code X-Consistency-Token} of a write waits
 * (bounded) until every projection has processed the events up to that position. The projections'
 * tokens are read from the token table, so every segment counts, whichever instance holds it, and a
 * write that committed late (a gap behind a token) is not taken as processed.
 */
@Component
public class ReadYourWrites implements HandlerInterceptor {
  public static final String HEADER = "X-Consistency-Token";
  private final EventProcessingConfiguration processing;
  private final JdbcClient jdbc;
  private final Serializer tokens;
  private final Duration maxWait;

  ReadYourWrites(
      EventProcessingConfiguration processing,
      JdbcClient jdbc,
      @Qualifier("serializer") Serializer tokens,
      @Value("${maplebridge.read-your-writes.max-wait:PT5S}") Duration maxWait) {
    this.processing = processing;
    this.jdbc = jdbc;
    this.tokens = tokens;
    this.maxWait = maxWait;
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    String token = request.getHeader(HEADER);
    if (token == null && "GET".equals(request.getMethod())) {
      // A page reached right after a form's write shows the page once the change is in it.
      token = request.getParameter("after");
    }
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

  private record Segment(String processor, int id, byte[] token, String type) {}

  /**
   * Every segment of every projection must cover the position: the segments this instance works on
   * by their live status, the others (held by another instance, or by none just now) by the token
   * they last stored.
   */
  private boolean caughtUp(long position) {
    Map<String, StreamingEventProcessor> projections = new HashMap<>();
    processing
        .eventProcessors()
        .forEach(
            (name, processor) -> {
              if (processor instanceof StreamingEventProcessor streaming) {
                projections.put(name, streaming);
              }
            });
    if (projections.isEmpty()) {
      return true;
    }
    Set<String> seen = new HashSet<>();
    for (Segment segment :
        jdbc.sql(
                "SELECT processorname, segment, token, tokentype FROM tokenentry"
                    + " WHERE processorname IN (:names)")
            .param("names", projections.keySet())
            .query(
                (row, n) ->
                    new Segment(
                        row.getString("processorname"),
                        row.getInt("segment"),
                        row.getBytes("token"),
                        row.getString("tokentype")))
            .list()) {
      seen.add(segment.processor());
      EventTrackerStatus live =
          projections.get(segment.processor()).processingStatus().get(segment.id());
      TrackingToken processed =
          live != null
              ? live.getTrackingToken()
              : segment.token() == null
                  ? null
                  : tokens.deserialize(
                      new SimpleSerializedObject<>(
                          segment.token(), byte[].class, segment.type(), null));
      if (!passed(processed, position)) {
        return false;
      }
    }
    return seen.containsAll(projections.keySet());
  }

  /**
   * The token has read up to the position and the position is not a hole it is still waiting for.
   * (Older holes, such as rolled-back writes, do not hold a reader back.)
   */
  private static boolean passed(TrackingToken token, long position) {
    TrackingToken current = token instanceof ReplayToken replay ? replay.getCurrentToken() : token;
    if (current instanceof GapAwareTrackingToken gapAware) {
      return gapAware.getIndex() >= position && !gapAware.getGaps().contains(position);
    }
    return current != null && current.position().orElse(-1) >= position;
  }
}
