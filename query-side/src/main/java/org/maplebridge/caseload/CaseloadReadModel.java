package org.maplebridge.caseload;

import java.util.List;
import java.util.Optional;
import org.maplebridge.read.ReadModel;
import org.springframework.stereotype.Component;

/**
 * Cases and their clients, consents, screenings, notes, review tasks, what their care team is told,
 * and which crisis episodes about the clients are open.
 */
@Component
class CaseloadReadModel implements ReadModel {

  @Override
  public String processingGroup() {
    return CaseloadProjection.GROUP;
  }

  @Override
  public List<String> tables() {
    return List.of(
        "client_identity",
        "intake_view",
        "intake_consent",
        "intake_screening",
        "intake_note",
        "intake_referral",
        "intake_notice",
        "intake_review",
        "client_crisis");
  }

  @Override
  public Optional<RecordRows> recordRows() {
    return Optional.of(new RecordRows("Intake", "intake_view", "intake_id"));
  }
}
