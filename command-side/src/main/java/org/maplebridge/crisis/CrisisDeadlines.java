package org.maplebridge.crisis;

import java.time.Duration;
import org.maplebridge.events.crisis.RiskLevel;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long each step of a crisis may wait, as ISO-8601 durations under {@code
 * maplebridge.deadlines}: escalation acknowledgement by risk, rescue confirmation, and the
 * follow-up that high and imminent risk require.
 */
@ConfigurationProperties("maplebridge.deadlines")
public record CrisisDeadlines(
    @DefaultValue EscalationAck escalationAck,
    @DefaultValue("PT15M") Duration rescueConfirmation,
    @DefaultValue FollowUp followUp) {

  public record EscalationAck(
      @DefaultValue("PT5M") Duration imminent,
      @DefaultValue("PT15M") Duration high,
      @DefaultValue("PT60M") Duration moderate) {}

  public record FollowUp(
      @DefaultValue("PT24H") Duration imminent, @DefaultValue("PT24H") Duration high) {}

  /** Low risk escalations are rare; they get the moderate deadline. */
  Duration acknowledgeWithin(RiskLevel level) {
    return switch (level) {
      case IMMINENT -> escalationAck.imminent();
      case HIGH -> escalationAck.high();
      case MODERATE, LOW -> escalationAck.moderate();
    };
  }

  Duration followUpWithin(RiskLevel level) {
    return level == RiskLevel.IMMINENT ? followUp.imminent() : followUp.high();
  }
}
