package org.maplebridge.referral;

import java.util.List;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.maplebridge.events.referral.ReferralCancelled;
import org.maplebridge.events.referral.ReferralEnteredInError;
import org.maplebridge.events.referral.ReferralRedirected;
import org.maplebridge.events.referral.ReferralRequested;
import org.maplebridge.events.referral.ReferralSent;
import org.maplebridge.intake.SentReferrals;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The write side's own record of which intakes have a sent referral, so that closing a case as
 * "referred on" can be checked. A subscribing processor: it is written in the same transaction as
 * the referral's events, never behind them.
 */
@Component
@ProcessingGroup(ReferralLedger.GROUP)
class ReferralLedger implements SentReferrals {
  static final String GROUP = "referral-ledger";
  private final JdbcClient jdbc;

  ReferralLedger(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @EventHandler
  void on(ReferralRequested event) {
    jdbc.sql(
            "INSERT INTO referral_ledger (referral_id, intake_id) VALUES (:id, :intake)"
                + " ON CONFLICT DO NOTHING")
        .param("id", event.referralId())
        .param("intake", event.intakeId())
        .update();
  }

  @EventHandler
  void on(ReferralSent event) {
    mark(event.referralId(), "sent = TRUE");
  }

  @EventHandler
  void on(ReferralRedirected event) {
    mark(event.referralId(), "sent = TRUE");
  }

  @EventHandler
  void on(ReferralCancelled event) {
    mark(event.referralId(), "voided = TRUE");
  }

  @EventHandler
  void on(ReferralEnteredInError event) {
    mark(event.referralId(), "voided = TRUE");
  }

  private void mark(UUID referralId, String assignment) {
    jdbc.sql("UPDATE referral_ledger SET " + assignment + " WHERE referral_id = :id")
        .param("id", referralId)
        .update();
  }

  /** The referrals from a case that went out and were not voided. */
  List<UUID> sentFor(UUID intakeId) {
    return jdbc.sql(
            "SELECT referral_id FROM referral_ledger WHERE intake_id = :id AND sent AND NOT voided")
        .param("id", intakeId)
        .query(UUID.class)
        .list();
  }

  @Override
  public boolean anySentFor(UUID intakeId) {
    return jdbc.sql(
                "SELECT count(*) FROM referral_ledger WHERE intake_id = :id AND sent AND NOT voided")
            .param("id", intakeId)
            .query(Long.class)
            .single()
        > 0;
  }
}
