package org.maplebridge.intake;

import java.time.Duration;
import org.maplebridge.events.intake.ClinicalReview;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the review tasks a screening puts on the caseload may wait, as ISO-8601 durations under
 * {@code maplebridge.deadlines.clinical-review}: the clinician's review after a moderate C-SSRS and
 * the same-day C-SSRS after a PHQ-9 item 9 above zero.
 */
@ConfigurationProperties("maplebridge.deadlines.clinical-review")
public record ClinicalReviewDeadlines(
    @DefaultValue("PT24H") Duration clinicianReview, @DefaultValue("PT8H") Duration sameDayCssrs) {

  Duration within(ClinicalReview review) {
    return switch (review) {
      case CLINICIAN_REVIEW -> clinicianReview;
      case SAME_DAY_CSSRS -> sameDayCssrs;
    };
  }
}
