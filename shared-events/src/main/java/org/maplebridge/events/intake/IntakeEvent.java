package org.maplebridge.events.intake;

import java.util.UUID;
import org.maplebridge.events.OfRecord;

/** Everything that happens to a counselling intake. */
public sealed interface IntakeEvent extends OfRecord
    permits IntakeOpened,
        ConsentRecorded,
        ConsentWithdrawn,
        ScreeningRecorded,
        CrisisAlertRaised,
        ClinicalReviewRequested,
        ClinicalReviewDone,
        IntakeTriaged,
        CounsellorAssigned,
        CareTeamMemberAdded,
        CareTeamMemberRemoved,
        SessionNoteAdded,
        IntakeClosed,
        IntakeReopened {

  UUID intakeId();

  @Override
  default UUID recordId() {
    return intakeId();
  }
}
