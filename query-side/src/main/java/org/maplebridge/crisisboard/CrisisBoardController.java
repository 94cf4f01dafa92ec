package org.maplebridge.crisisboard;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.maplebridge.crisisboard.CrisisQueries.BoardChanged;
import org.maplebridge.crisisboard.CrisisQueries.FindCrisis;
import org.maplebridge.crisisboard.CrisisQueries.FindCrisisBoard;
import org.maplebridge.crisisboard.CrisisQueries.FindRiskAlert;
import org.maplebridge.crisisboard.CrisisQueries.FindSafetyPlanVersions;
import org.maplebridge.crisisboard.CrisisViews.CrisisBoard;
import org.maplebridge.crisisboard.CrisisViews.CrisisDetails;
import org.maplebridge.crisisboard.CrisisViews.RiskAlert;
import org.maplebridge.crisisboard.CrisisViews.SafetyPlanVersions;
import org.maplebridge.events.Actor;
import org.maplebridge.read.AccessLog;
import org.maplebridge.read.Forbidden;
import org.maplebridge.read.NotFound;
import org.maplebridge.read.SignedInStaff;
import org.maplebridge.scope.ScopePolicy;
import org.maplebridge.scopes.CrisisScopes;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The crisis board (also live), crisis episodes and client risk alerts. */
@RestController
@Tag(name = "Crisis board", description = "Open crisis episodes by risk and deadline, live")
class CrisisBoardController {
  private static final Duration STREAM_LIFETIME = Duration.ofMinutes(30);
  private static final Duration STAFF_RECHECK = Duration.ofSeconds(5);
  private final QueryGateway queries;
  private final CrisisScopes scopes;
  private final AccessLog accessLog;
  private final SignedInStaff staff;

  /** The open live boards, by whom they are shown to. */
  private final Map<SseEmitter, String> liveBoards = new ConcurrentHashMap<>();

  private final ScheduledExecutorService watch =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "live-board-watch");
            thread.setDaemon(true);
            return thread;
          });

  CrisisBoardController(
      QueryGateway queries, CrisisScopes scopes, AccessLog accessLog, SignedInStaff staff) {
    this.queries = queries;
    this.scopes = scopes;
    this.accessLog = accessLog;
    this.staff = staff;
    watch.scheduleWithFixedDelay(
        this::endBoardsOfSwitchedOffStaff,
        STAFF_RECHECK.toSeconds(),
        STAFF_RECHECK.toSeconds(),
        TimeUnit.SECONDS);
  }

  /**
   * A board stays open for half an hour: one switched off meanwhile stops seeing it within seconds.
   */
  private void endBoardsOfSwitchedOffStaff() {
    liveBoards.forEach(
        (board, username) -> {
          try {
            if (!staff.stillOn(username)) {
              board.complete();
            }
          } catch (RuntimeException storeDown) {
            // asked again at the next round
          }
        });
  }

  @GetMapping("/api/crisis-board")
  @Operation(
      summary = "Open episodes of the caller's unit, highest risk and nearest deadline first")
  CrisisBoard board(Actor viewer) {
    requireBoardWatcher(viewer);
    return queries.query(new FindCrisisBoard(viewer), CrisisBoard.class).join();
  }

  /**
   * The board as server-sent events: the board now, then the whole board again each time anything
   * on it changes (a subscription query fed by the projection), for as long as the page is open.
   */
  @GetMapping(path = "/api/crisis-board/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  @Operation(summary = "The crisis board as server-sent events, sent again on every change")
  SseEmitter liveBoard(Actor viewer) {
    requireBoardWatcher(viewer);
    FindCrisisBoard query = new FindCrisisBoard(viewer);
    SseEmitter emitter = new SseEmitter(STREAM_LIFETIME.toMillis());
    SubscriptionQueryResult<CrisisBoard, BoardChanged> subscription =
        queries.subscriptionQuery(
            query,
            ResponseTypes.instanceOf(CrisisBoard.class),
            ResponseTypes.instanceOf(BoardChanged.class));
    liveBoards.put(emitter, viewer.username());
    Runnable close =
        () -> {
          liveBoards.remove(emitter);
          subscription.cancel();
        };
    emitter.onCompletion(close);
    emitter.onTimeout(close);
    emitter.onError(error -> close.run());
    subscription
        .initialResult()
        .subscribe(board -> send(emitter, board, subscription), emitter::completeWithError);
    subscription
        .updates()
        .subscribe(
            // Asked anew off the projection's thread: the update arrives after the projection's
            // unit of work committed, and reading the board records the rows' looks, which
            // publishes events of its own.
            changed ->
                CompletableFuture.supplyAsync(() -> queries.query(query, CrisisBoard.class).join())
                    .thenAccept(board -> send(emitter, board, subscription))
                    .exceptionally(
                        failure -> {
                          emitter.completeWithError(failure);
                          return null;
                        }),
            emitter::completeWithError);
    return emitter;
  }

  /**
   * Ends the open live boards when the platform stops; their pages reconnect by themselves. Left
   * open, a board whose browser went away without a word held the graceful shutdown for its whole
   * 30 s (found by the browser tests' exit).
   */
  @EventListener(ContextClosedEvent.class)
  void endLiveBoards() {
    watch.shutdownNow();
    liveBoards.keySet().forEach(SseEmitter::complete);
  }

  private static void send(
      SseEmitter emitter, CrisisBoard board, SubscriptionQueryResult<?, ?> subscription) {
    try {
      emitter.send(SseEmitter.event().name("board").data(board, MediaType.APPLICATION_JSON));
    } catch (IOException | IllegalStateException gone) {
      subscription.cancel();
    }
  }

  @GetMapping("/api/crises/{id}")
  @Operation(summary = "A crisis episode as the caller's scope allows; ETag carries its version")
  ResponseEntity<CrisisDetails> crisis(@PathVariable UUID id, Actor viewer) {
    CrisisDetails details =
        queries
            .query(
                new FindCrisis(id, viewer), ResponseTypes.optionalInstanceOf(CrisisDetails.class))
            .join()
            .orElseThrow(() -> new NotFound("Crisis episode " + id));
    return ResponseEntity.ok().eTag("\"" + details.version() + "\"").body(details);
  }

  @GetMapping("/api/crises/{id}/safety-plan/versions")
  @Operation(summary = "Every version of the episode's safety plan, oldest first")
  SafetyPlanVersions safetyPlanVersions(@PathVariable UUID id, Actor viewer) {
    return queries
        .query(
            new FindSafetyPlanVersions(id, viewer),
            ResponseTypes.optionalInstanceOf(SafetyPlanVersions.class))
        .join()
        .orElseThrow(() -> new NotFound("Crisis episode " + id));
  }

  @GetMapping("/api/clients/{id}/risk-alert")
  @Operation(summary = "A client's active risk and current safety plan, for crisis staff")
  RiskAlert riskAlert(@PathVariable UUID id, Actor viewer) {
    FindRiskAlert query = new FindRiskAlert(id, viewer);
    if (!ScopePolicy.watchesTheCrisisBoard(viewer)) {
      scopes
          .unitOfClient(id)
          .ifPresent(
              unit ->
                  accessLog.refused(viewer, query.getClass().getSimpleName(), "CLIENT", id, unit));
    }
    requireBoardWatcher(viewer);
    return queries
        .query(query, ResponseTypes.optionalInstanceOf(RiskAlert.class))
        .join()
        .orElseThrow(() -> new NotFound("Risk alert for client " + id));
  }

  private static void requireBoardWatcher(Actor viewer) {
    if (!ScopePolicy.watchesTheCrisisBoard(viewer)) {
      throw new Forbidden("The crisis board is for the unit's crisis workers and supervisor");
    }
  }
}
