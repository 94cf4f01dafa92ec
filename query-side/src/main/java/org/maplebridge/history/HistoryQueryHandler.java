package org.maplebridge.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.maplebridge.audit.RecordViews;
import org.maplebridge.events.Actor;
import org.maplebridge.events.MetadataKeys;
import org.maplebridge.events.Role;
import org.maplebridge.events.client.ClientsMerged;
import org.maplebridge.events.intake.IntakeOpened;
import org.maplebridge.read.AccessLog;
import org.maplebridge.read.ScopedPayload;
import org.maplebridge.read.ScopedView.Look;
import org.maplebridge.scope.Scope;
import org.maplebridge.scopes.CrisisScopes;
import org.maplebridge.scopes.IntakeScopes;
import org.maplebridge.scopes.ReferralScopes;
import org.springframework.stereotype.Component;

/**
 * The event store is the history: every step of a record with actor and time, read from the
 * record's own event stream and shown through the viewer's scope, optionally as it stood then. A
 * case's history also tells of its client's merge into another client.
 */
@Component
class HistoryQueryHandler {
  private final EventStore events;
  private final IntakeScopes intakeScopes;
  private final CrisisScopes crisisScopes;
  private final ReferralScopes referralScopes;
  private final AccessLog accessLog;
  private final RecordViews views;
  private final ObjectMapper json;

  HistoryQueryHandler(
      EventStore events,
      IntakeScopes intakeScopes,
      CrisisScopes crisisScopes,
      ReferralScopes referralScopes,
      AccessLog accessLog,
      RecordViews views,
      ObjectMapper json) {
    this.events = events;
    this.intakeScopes = intakeScopes;
    this.crisisScopes = crisisScopes;
    this.referralScopes = referralScopes;
    this.accessLog = accessLog;
    this.views = views;
    this.json = json;
  }

  @QueryHandler
  public Optional<History> handle(FindIntakeHistory query) {
    Optional<Scope> reach = intakeScopes.of(query.intakeId(), query.viewer());
    if (reach.isEmpty()) {
      intakeScopes
          .unitOf(query.intakeId())
          .ifPresent(unit -> refused(query.viewer(), query, "INTAKE", query.intakeId(), unit));
    }
    return reach.map(
        scope ->
            history(
                "INTAKE",
                query.intakeId(),
                query.viewer(),
                scope,
                scope.showsIdentity(),
                query.asOf()));
  }

  @QueryHandler
  public Optional<History> handle(FindCrisisHistory query) {
    Optional<Scope> reach = crisisScopes.of(query.crisisId(), query.viewer());
    if (reach.isEmpty()) {
      crisisScopes
          .unitOf(query.crisisId())
          .ifPresent(unit -> refused(query.viewer(), query, "CRISIS", query.crisisId(), unit));
    }
    return reach.map(
        scope ->
            history(
                "CRISIS",
                query.crisisId(),
                query.viewer(),
                scope,
                scope.showsIdentity(),
                query.asOf()));
  }

  @QueryHandler
  public Optional<History> handle(FindReferralAudit query) {
    Optional<Scope> reach = referralScopes.of(query.referralId(), query.viewer());
    if (reach.isEmpty()) {
      referralScopes
          .unitOf(query.referralId())
          .ifPresent(unit -> refused(query.viewer(), query, "REFERRAL", query.referralId(), unit));
    }
    // A referral's trail names the person by the case or episode it came from, never itself.
    return reach.map(
        scope ->
            history("REFERRAL", query.referralId(), query.viewer(), scope, false, query.asOf()));
  }

  /** A look refused at a record the read side knows (an unknown id is no record to refuse). */
  private void refused(Actor viewer, Object query, String recordType, UUID recordId, String unit) {
    accessLog.refused(viewer, query.getClass().getSimpleName(), recordType, recordId, unit);
  }

  private HistoryEntry entry(DomainEventMessage<?> event, boolean identity, Scope scope) {
    return new HistoryEntry(
        event.getSequenceNumber(),
        event.getPayloadType().getSimpleName(),
        event.getTimestamp(),
        (String) event.getMetaData().get(MetadataKeys.USER),
        (String) event.getMetaData().get(MetadataKeys.ROLE),
        ScopedPayload.of(event.getPayload(), identity, scope.showsClinical(), json));
  }

  /**
   * A case's client merged into another since: the merge is part of the case's story (its cases now
   * show the client who stayed), told in the merge's own stream, with who, when and why.
   */
  private List<HistoryEntry> clientMerge(
      String clientReference, Instant asOf, boolean identity, Scope scope) {
    List<HistoryEntry> merges = new ArrayList<>();
    DomainEventStream stream = events.readEvents(ClientsMerged.streamOf(clientReference));
    while (stream.hasNext()) {
      DomainEventMessage<?> event = stream.next();
      if (asOf == null || !event.getTimestamp().isAfter(asOf)) {
        merges.add(entry(event, identity, scope));
      }
    }
    return merges;
  }

  private History history(
      String recordType, UUID recordId, Actor viewer, Scope scope, boolean identity, Instant asOf) {
    List<HistoryEntry> entries = new ArrayList<>();
    String clientReference = null;
    DomainEventStream stream = events.readEvents(recordId.toString());
    while (stream.hasNext()) {
      DomainEventMessage<?> event = stream.next();
      if (asOf != null && event.getTimestamp().isAfter(asOf)) {
        break;
      }
      if (event.getPayload() instanceof IntakeOpened opened) {
        clientReference = opened.clientReference();
      }
      entries.add(entry(event, identity, scope));
    }
    if (clientReference != null) {
      entries.addAll(clientMerge(clientReference, asOf, identity, scope));
      entries.sort(Comparator.comparing(HistoryEntry::at));
    }
    String onlyOwnViews = viewer.is(Role.SUPERVISOR) ? null : viewer.username();
    return new History(
        asOf,
        entries,
        views.of(recordId, asOf, onlyOwnViews),
        scope,
        new Look(recordType, recordId, viewer.unit()));
  }
}
