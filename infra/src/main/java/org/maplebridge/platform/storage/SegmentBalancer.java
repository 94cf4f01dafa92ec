package org.maplebridge.platform.storage;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Shares the projections' segments between the instances on one database. A processor claims every
 * free segment, so the first instance to start would keep all of them; each instance therefore says
 * it is alive every few seconds and gives up segments beyond its fair share, which the others then
 * claim. When an instance dies, its claims time out and the survivors take its segments over.
 */
@Component
class SegmentBalancer implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);
  private static final long TICK_SECONDS = 5;

  private final EventProcessingConfiguration processing;
  private final JdbcClient jdbc;
  private final String node = UUID.randomUUID().toString();
  private ScheduledExecutorService ticks;

  SegmentBalancer(EventProcessingConfiguration processing, JdbcClient jdbc) {
    this.processing = processing;
    this.jdbc = jdbc;
  }

  @Override
  public void start() {
    ticks = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "segment-balancer"));
    ticks.scheduleWithFixedDelay(this::balance, TICK_SECONDS, TICK_SECONDS, TimeUnit.SECONDS);
  }

  @Override
  public void stop() {
    ticks.shutdownNow();
    try {
      jdbc.sql("DELETE FROM platform_instance WHERE node_id = :node").param("node", node).update();
    } catch (RuntimeException databaseGone) {
      // its heartbeat simply gets old
    }
  }

  @Override
  public boolean isRunning() {
    return ticks != null && !ticks.isShutdown();
  }

  void balance() {
    try {
      jdbc.sql(
              """
              INSERT INTO platform_instance (node_id, last_seen) VALUES (:node, now())
              ON CONFLICT (node_id) DO UPDATE SET last_seen = now()
              """)
          .param("node", node)
          .update();
      jdbc.sql("DELETE FROM platform_instance WHERE last_seen < now() - interval '1 minute'")
          .update();
      long live =
          jdbc.sql(
                  "SELECT count(*) FROM platform_instance"
                      + " WHERE last_seen > now() - make_interval(secs => :window)")
              .param("window", 3 * TICK_SECONDS)
              .query(Long.class)
              .single();
      giveUpBeyondFairShare(Math.max(1, live));
    } catch (RuntimeException e) {
      log.debug("Segment balancing skipped: {}", e.toString());
    }
  }

  /**
   * The fair share counts segments across all projections, so that even with one segment each the
   * projections spread over the instances.
   */
  private void giveUpBeyondFairShare(long live) {
    Map<String, StreamingEventProcessor> running = new LinkedHashMap<>();
    processing
        .eventProcessors()
        .forEach(
            (name, processor) -> {
              if (processor instanceof StreamingEventProcessor streaming && streaming.isRunning()) {
                running.put(name, streaming);
              }
            });
    if (running.isEmpty()) {
      return;
    }
    long segments =
        jdbc.sql("SELECT count(*) FROM tokenentry WHERE processorname IN (:names)")
            .param("names", running.keySet())
            .query(Long.class)
            .single();
    long fairShare = (segments + live - 1) / live;
    int owned = running.values().stream().mapToInt(p -> p.processingStatus().size()).sum();
    if (owned <= fairShare) {
      return;
    }
    running.entrySet().stream()
        .filter(entry -> !entry.getValue().processingStatus().isEmpty())
        .max(Comparator.comparingInt(entry -> entry.getValue().processingStatus().size()))
        .ifPresent(
            busiest -> {
              int segment =
                  busiest.getValue().processingStatus().keySet().stream()
                      .max(Integer::compare)
                      .orElseThrow();
              busiest.getValue().releaseSegment(segment, 3 * TICK_SECONDS, TimeUnit.SECONDS);
              log.info(
                  "{}: released segment {} ({} held here, fair share {})",
                  busiest.getKey(),
                  segment,
                  owned,
                  fairShare);
            });
  }
}
