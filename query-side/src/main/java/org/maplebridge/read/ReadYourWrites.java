package org.maplebridge.read;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
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
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Read-your-writes: a signed-in read that sends back the {@code X-Consistency-Token} of a write
 * waits (bounded) until every projection has processed the events up to that position. The
 * projections' tokens are read from the token table, so every segment counts, whichever instance
 * holds it, and a write that committed late (a gap behind a token) is not taken as processed.
 *
 * <p>Waiting costs a request thread, so only reads by signed-in staff wait (never a write, which
 * would hold its transaction open, and never the sign-in page); a position the store has not
 * reached is refused at once; and only so many reads wait at a time.
 */
@Component
public class ReadYourWrites implements HandlerInterceptor {
  public static final String HEADER = "X-Consistency-Token";
  private final EventProcessingConfiguration processing;
  private final JdbcClient jdbc;
  private final Serializer tokens;
  private final Duration maxWait;
  private final Semaphore waitingReads;

  ReadYourWrites(
      EventProcessingConfiguration processing,
      JdbcClient jdbc,
      @Qualifier("serializer") Serializer tokens,
      @Value("${maplebridge.read-your-writes.max-wait:PT5S}") Duration maxWait,
      @Value("${maplebridge.read-your-writes.max-waiting:32}") int maxWaiting) {
    this.processing = processing;
    this.jdbc = jdbc;
    this.tokens = tokens;
    this.maxWait = maxWait;
    this.waitingReads = new Semaphore(maxWaiting);
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
    if (!read || request.getUserPrincipal() == null) {
      return true;
    }
    String token = request.getHeader(HEADER);
    if (token == null) {
      // A page reached right after a form's write shows the page once the change is in it.
      token = request.getParameter("after");
    }
    if (token == null) {
      return true;
    }
    long position;
    try {
      position = Long.parseLong(token);
    } catch (NumberFormatException notAPosition) {
      position = -1;
    }
    if (position < 0 || position > storedSoFar()) {
      throw refused(
          HttpStatus.BAD_REQUEST,
          "Unknown consistency token",
          "No write of the record store has this consistency token; send the one a write answered");
    }
    if (!waitingReads.tryAcquire()) {
      ErrorResponseException busy =
          refused(
              HttpStatus.SERVICE_UNAVAILABLE,
              "Busy",
              "Too many reads are waiting for their writes just now; try again in a second");
      busy.getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
      throw busy;
    }
    try {
      awaitPosition(position);
    } finally {
      waitingReads.release();
    }
    return true;
  }

  private long storedSoFar() {
    return jdbc.sql("SELECT coalesce(max(globalindex), 0) FROM domainevententry")
        .query(Long.class)
        .single();
  }

  private static ErrorResponseException refused(HttpStatus status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    return new ErrorResponseException(status, problem, null);
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
