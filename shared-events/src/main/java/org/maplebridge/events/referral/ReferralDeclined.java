package org.maplebridge.events.referral;

import java.util.UUID;
import org.maplebridge.events.ClinicalData;

/**
 * The provider declined. {@code answer}: how the provider gave it. {@code suggestedProvider}: where
 * the provider suggests the referrer send it instead (a provider of the same service), or null.
 */
public record ReferralDeclined(
    UUID referralId,
    DeclineReason reason,
    @ClinicalData String notes,
    String recordedBy,
    ProviderAnswer answer,
    UUID suggestedProvider)
    implements ReferralEvent {

  /** A decline without a suggestion. */
  public ReferralDeclined(
      UUID referralId,
      DeclineReason reason,
      String notes,
      String recordedBy,
      ProviderAnswer answer) {
    this(referralId, reason, notes, recordedBy, answer, null);
  }
}
