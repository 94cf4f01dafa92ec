package org.maplebridge.referral;

import java.time.Duration;
import java.time.Instant;
import org.maplebridge.events.referral.ReferralUrgency;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A rescue lets a referral go without the person's consent only while it is recent ({@code
 * maplebridge.rescue.referral-basis}, 72 hours by default) and only for emergency or urgent care:
 * the exemption is for getting help to someone in danger, not for routine referrals later on.
 */
@ConfigurationProperties("maplebridge.rescue")
record RescueReferralBasis(@DefaultValue("PT72H") Duration referralBasis) {

  boolean covers(Instant rescuedAt, ReferralUrgency urgency, Instant now) {
    return rescuedAt != null
        && urgency != ReferralUrgency.ROUTINE
        && now.isBefore(rescuedAt.plus(referralBasis));
  }
}
