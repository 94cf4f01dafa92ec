package org.maplebridge.referral;

import java.time.Duration;
import org.maplebridge.events.referral.ReferralUrgency;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a provider has to acknowledge, accept and give feedback, by urgency ({@code
 * maplebridge.deadlines.referral-response.*}), and how long an accepted referral opens the
 * disclosed fields to it ({@code provider-access}).
 */
@ConfigurationProperties("maplebridge.deadlines.referral-response")
record ReferralDeadlines(
    @DefaultValue("PT1H") Duration emergency,
    @DefaultValue("PT24H") Duration urgent,
    @DefaultValue("P5D") Duration routine,
    @DefaultValue("P90D") Duration providerAccess) {

  Duration respondWithin(ReferralUrgency urgency) {
    return switch (urgency) {
      case EMERGENCY -> emergency;
      case URGENT -> urgent;
      case ROUTINE -> routine;
    };
  }
}
