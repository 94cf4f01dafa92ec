package org.maplebridge.platform.paging;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.maplebridge.crisis.CrisisCommands.PageUndelivered;
import org.maplebridge.events.crisis.CrisisContactOpened;
import org.maplebridge.events.crisis.EscalationDeadlineMissed;
import org.maplebridge.events.crisis.EscalationRaised;
import org.maplebridge.events.crisis.EscalationTier;
import org.maplebridge.events.crisis.FollowUpOverdue;
import org.maplebridge.events.crisis.RescueConfirmationOverdue;
import org.maplebridge.oncall.OnCallFacts;
import org.maplebridge.platform.paging.Page.Reason;
import org.maplebridge.write.ActorMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Pages the person now responsible: every escalation (the holder of its tier on the unit's roster;
 * in a gap, the unit's supervisor; at the emergency-services rung, whoever holds a tier), an
 * escalation left unanswered at the top, an unconfirmed rescue (the on-call supervisor) and an
 * overdue follow-up (the on-call clinician). Sent from the events by a tracking processor with its
 * own dead-letter queue, never replayed: at least once, each page under an idempotency key made of
 * the event's id and the recipient. Each channel is tried a few times and every attempt recorded; a
 * page of an escalation no channel delivered to anyone climbs the ladder at once. Events older than
 * {@code maplebridge.paging.stale-after} are not paged.
 */
@Component
@ProcessingGroup(Pager.GROUP)
class Pager {
  static final String GROUP = "paging";
  private static final Logger log = LoggerFactory.getLogger(Pager.class);
  private static final int ATTEMPTS = 3;

  private final JdbcClient jdbc;
  private final PageChannels channels;
  private final OnCallFacts onCall;
  private final CommandGateway commands;
  private final String baseUrl;
  private final Duration backoff;
  private final Duration staleAfter;

  Pager(
      JdbcClient jdbc,
      PageChannels channels,
      OnCallFacts onCall,
      CommandGateway commands,
      @Value("${maplebridge.paging.base-url:http://localhost:8080}") String baseUrl,
      @Value("${maplebridge.paging.retry-backoff:PT0.5S}") Duration backoff,
      @Value("${maplebridge.paging.stale-after:PT1H}") Duration staleAfter) {
    this.jdbc = jdbc;
    this.channels = channels;
    this.onCall = onCall;
    this.commands = commands;
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.backoff = backoff;
    this.staleAfter = staleAfter;
  }

  @EventHandler
  void on(CrisisContactOpened opened) {
    jdbc.sql(
            "INSERT INTO paging_crisis (crisis_id, unit) VALUES (:id, :unit)"
                + " ON CONFLICT (crisis_id) DO NOTHING")
        .param("id", opened.crisisId())
        .param("unit", opened.unit())
        .update();
  }

  @EventHandler
  @DisallowReplay
  void on(EscalationRaised raised, EventMessage<?> message) {
    boolean delivered =
        page(
            message,
            Reason.ESCALATION,
            raised.crisisId(),
            raised.tier(),
            raised.deadline(),
            raised.tier() == EscalationTier.EMERGENCY_SERVICES
                ? List.of(EscalationTier.ON_CALL_SUPERVISOR, EscalationTier.ON_CALL_CLINICIAN)
                : List.of(raised.tier()));
    if (!delivered) {
      unit(raised.crisisId())
          .ifPresent(
              unit ->
                  commands.sendAndWait(
                      GenericCommandMessage.asCommandMessage(
                              new PageUndelivered(raised.crisisId(), raised.escalationId()))
                          .withMetaData(ActorMetadata.system(unit))));
    }
  }

  /** The top rung went unanswered: nobody is above it, so the on-call supervisor hears of it. */
  @EventHandler
  @DisallowReplay
  void on(EscalationDeadlineMissed missed, EventMessage<?> message) {
    if (missed.tier() == EscalationTier.EMERGENCY_SERVICES) {
      page(
          message,
          Reason.ESCALATION_UNANSWERED,
          missed.crisisId(),
          EscalationTier.ON_CALL_SUPERVISOR,
          null,
          List.of(EscalationTier.ON_CALL_SUPERVISOR));
    }
  }

  @EventHandler
  @DisallowReplay
  void on(RescueConfirmationOverdue overdue, EventMessage<?> message) {
    page(
        message,
        Reason.RESCUE_UNCONFIRMED,
        overdue.crisisId(),
        EscalationTier.ON_CALL_SUPERVISOR,
        overdue.nextCheck(),
        List.of(EscalationTier.ON_CALL_SUPERVISOR));
  }

  @EventHandler
  @DisallowReplay
  void on(FollowUpOverdue overdue, EventMessage<?> message) {
    page(
        message,
        Reason.FOLLOW_UP_OVERDUE,
        overdue.crisisId(),
        EscalationTier.ON_CALL_CLINICIAN,
        overdue.dueAt(),
        List.of(EscalationTier.ON_CALL_CLINICIAN));
  }

  /**
   * Pages whoever holds these tiers now (the unit's supervisors where nobody does). True when at
   * least one recipient got it on at least one channel, or when no channel is configured (paging
   * off: the board alone tells).
   */
  private boolean page(
      EventMessage<?> message,
      Reason reason,
      UUID crisisId,
      EscalationTier tier,
      Instant deadline,
      List<EscalationTier> responsible) {
    List<PageChannels.Channel> ways = channels.configured();
    Optional<String> unit = unit(crisisId);
    // A page about last week wakes nobody usefully: the processor's first start reads the whole
    // store, and a backlog after an outage is shown on the board, not paged.
    boolean stale = message.getTimestamp().isBefore(Instant.now().minus(staleAfter));
    if (ways.isEmpty() || unit.isEmpty() || stale) {
      return true;
    }
    boolean delivered = false;
    for (String recipient : recipients(unit.get(), responsible, message.getTimestamp())) {
      Page page =
          new Page(
              message.getIdentifier() + ":" + recipient,
              reason,
              crisisId,
              unit.get(),
              tier,
              deadline,
              baseUrl + "/crises/" + crisisId,
              recipient);
      for (PageChannels.Channel channel : ways) {
        delivered |= deliver(page, channel);
      }
    }
    return delivered;
  }

  private Set<String> recipients(String unit, List<EscalationTier> tiers, Instant at) {
    Set<String> holders = new LinkedHashSet<>();
    for (EscalationTier tier : tiers) {
      onCall.holder(unit, tier, at).ifPresent(holders::add);
    }
    if (holders.isEmpty()) {
      holders.addAll(
          jdbc.sql(
                  "SELECT username FROM staff_account WHERE unit = :unit AND role = 'SUPERVISOR'"
                      + " AND enabled ORDER BY username")
              .param("unit", unit)
              .query(String.class)
              .list());
    }
    return holders;
  }

  /** A page already delivered on this channel is not sent again (a redelivered event). */
  private boolean deliver(Page page, PageChannels.Channel channel) {
    String status =
        jdbc.sql(
                "SELECT status FROM page_delivery WHERE idempotency_key = :key AND channel = :channel")
            .param("key", page.idempotencyKey())
            .param("channel", channel.name())
            .query(String.class)
            .optional()
            .orElse(null);
    if ("DELIVERED".equals(status)) {
      return true;
    }
    List<String> errors = new ArrayList<>();
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        channel.send(page);
        record(page, channel, "DELIVERED", attempt, null);
        return true;
      } catch (Exception failed) {
        errors.add(failed.getClass().getSimpleName() + ": " + failed.getMessage());
        record(page, channel, "FAILED", attempt, String.join("; ", errors));
        log.warn(
            "Page {} on {} failed (attempt {})", page.idempotencyKey(), channel.name(), attempt);
        pause(attempt);
      }
    }
    return false;
  }

  private void record(
      Page page, PageChannels.Channel channel, String status, int attempts, String error) {
    jdbc.sql(
            """
            INSERT INTO page_delivery
              (idempotency_key, channel, recipient, crisis_id, status, attempts, last_error)
            VALUES (:key, :channel, :recipient, :crisis, :status, :attempts, :error)
            ON CONFLICT (idempotency_key, channel) DO UPDATE SET status = :status,
              attempts = page_delivery.attempts + 1, last_error = :error, updated_at = now()
            """)
        .param("key", page.idempotencyKey())
        .param("channel", channel.name())
        .param("recipient", page.recipient())
        .param("crisis", page.crisisId())
        .param("status", status)
        .param("attempts", attempts)
        .param("error", error)
        .update();
  }

  private void pause(int attempt) {
    if (attempt < ATTEMPTS) {
      try {
        Thread.sleep(backoff.multipliedBy(attempt).toMillis());
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private Optional<String> unit(UUID crisisId) {
    return jdbc.sql("SELECT unit FROM paging_crisis WHERE crisis_id = :id")
        .param("id", crisisId)
        .query(String.class)
        .optional();
  }
}
