package org.maplebridge.history;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.axonframework.queryhandling.QueryGateway;
import org.maplebridge.events.Actor;
import org.maplebridge.events.Role;
import org.maplebridge.read.AccessLog;
import org.maplebridge.read.Forbidden;
import org.maplebridge.read.Queries;
import org.maplebridge.scopes.ReferralScopes;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Timelines of cases and crisis episodes. */
@RestController
@Tag(name = "History", description = "Timelines of records, scoped, optionally as of a moment")
class HistoryController {
  private final QueryGateway queries;
  private final ReferralScopes referrals;
  private final AccessLog accessLog;

  HistoryController(QueryGateway queries, ReferralScopes referrals, AccessLog accessLog) {
    this.queries = queries;
    this.referrals = referrals;
    this.accessLog = accessLog;
  }

  @GetMapping("/api/intakes/{id}/history")
  @Operation(summary = "Every step of a case with who and when; asOf shows it as it stood then")
  History intakeHistory(
      @PathVariable UUID id,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
          OffsetDateTime asOf,
      Actor viewer) {
    return answer(new FindIntakeHistory(id, viewer, instant(asOf)), "Intake " + id);
  }

  @GetMapping("/api/crises/{id}/history")
  @Operation(summary = "Every step of a crisis episode with who and when, optionally as of then")
  History crisisHistory(
      @PathVariable UUID id,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
          OffsetDateTime asOf,
      Actor viewer) {
    return answer(new FindCrisisHistory(id, viewer, instant(asOf)), "Crisis episode " + id);
  }

  @GetMapping("/api/referrals/{id}/audit")
  @Operation(summary = "Supervisor: every step of a referral with actor, role, time and basis")
  History referralAudit(
      @PathVariable UUID id,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
          OffsetDateTime asOf,
      Actor viewer) {
    FindReferralAudit query = new FindReferralAudit(id, viewer, instant(asOf));
    if (!viewer.is(Role.SUPERVISOR)) {
      referrals
          .unitOf(id)
          .ifPresent(
              unit ->
                  accessLog.refused(
                      viewer, query.getClass().getSimpleName(), "REFERRAL", id, unit));
      throw new Forbidden("The audit trail is for the unit's supervisor");
    }
    return answer(query, "Referral " + id);
  }

  private History answer(Object query, String what) {
    return Queries.one(queries, query, History.class, what);
  }

  private static Instant instant(OffsetDateTime at) {
    return at == null ? null : at.toInstant();
  }
}
