package org.maplebridge.referrals;

import java.util.List;
import java.util.Optional;
import org.maplebridge.read.ReadModel;
import org.springframework.stereotype.Component;

/** The referral tracker. */
@Component
class ReferralsReadModel implements ReadModel {

  @Override
  public String processingGroup() {
    return ReferralProjection.GROUP;
  }

  @Override
  public List<String> tables() {
    return List.of(
        "referral_view",
        "referral_source_team",
        "referral_person",
        "referral_source_concern",
        "referral_client_reference");
  }

  @Override
  public Optional<RecordRows> recordRows() {
    return Optional.of(new RecordRows("Referral", "referral_view", "referral_id"));
  }
}
