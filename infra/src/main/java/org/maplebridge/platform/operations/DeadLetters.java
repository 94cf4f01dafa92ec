package org.maplebridge.platform.operations;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.stereotype.Component;

/**
 * The events each projection could not handle, parked in its dead-letter queue with every later
 * event of the same record behind them (so a record's events are never applied out of order), and
 * their retry once the cause is fixed.
 */
@Component
public class DeadLetters {
  private final EventProcessingConfiguration processing;

  DeadLetters(EventProcessingConfiguration processing) {
    this.processing = processing;
  }

  public record Parked(
      String eventType,
      String recordId,
      Long sequenceNumber,
      String cause,
      Instant enqueuedAt,
      Instant lastTouched) {}

  public record ParkedRecord(String group, List<Parked> events) {}

  public record Retried(String group, int sequencesRetried, long stillParked) {}

  /** How many events each processing group has parked. */
  public Map<String, Long> counts() {
    Map<String, Long> counts = new TreeMap<>();
    for (String group : processing.eventProcessors().keySet()) {
      processing.deadLetterQueue(group).ifPresent(queue -> counts.put(group, queue.size()));
    }
    return counts;
  }

  public List<ParkedRecord> list() {
    List<ParkedRecord> parked = new ArrayList<>();
    for (String group : processing.eventProcessors().keySet()) {
      processing.deadLetterQueue(group).ifPresent(queue -> parked.addAll(parkedIn(group, queue)));
    }
    return parked;
  }

  private static List<ParkedRecord> parkedIn(
      String group, SequencedDeadLetterQueue<EventMessage<?>> queue) {
    List<ParkedRecord> records = new ArrayList<>();
    for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
      List<Parked> events = new ArrayList<>();
      for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
        EventMessage<?> event = letter.message();
        DomainEventMessage<?> domain = event instanceof DomainEventMessage<?> d ? d : null;
        events.add(
            new Parked(
                event.getPayloadType().getSimpleName(),
                domain == null ? null : domain.getAggregateIdentifier(),
                domain == null ? null : domain.getSequenceNumber(),
                letter.cause().map(cause -> cause.type() + ": " + cause.message()).orElse(null),
                letter.enqueuedAt(),
                letter.lastTouched()));
      }
      records.add(new ParkedRecord(group, events));
    }
    return records;
  }

  /** Retries every parked record of the group, each record's events in their order. */
  public Retried retry(String group) {
    SequencedDeadLetterProcessor<EventMessage<?>> processor =
        processing
            .sequencedDeadLetterProcessor(group)
            .orElseThrow(() -> new IllegalArgumentException("No dead-letter queue for " + group));
    long sequences = processing.deadLetterQueue(group).map(q -> q.amountOfSequences()).orElse(0L);
    int retried = 0;
    // Each call takes one parked record and applies its events in order; one that fails again
    // stays parked.
    for (long i = 0; i < sequences; i++) {
      if (processor.processAny()) {
        retried++;
      }
    }
    long still = processing.deadLetterQueue(group).map(q -> q.size()).orElse(0L);
    return new Retried(group, retried, still);
  }
}
