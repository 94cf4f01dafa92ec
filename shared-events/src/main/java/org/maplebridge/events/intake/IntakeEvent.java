package org.maplebridge.events.intake;

import java.util.UUID;

/** Everything that happens to a counselling intake. */
public sealed interface IntakeEvent
    permits IntakeOpened,
        ConsentRecorded,
        ConsentWithdrawn,
        ScreeningRecorded,
        CrisisAlertRaised,
        IntakeTriaged,
        CounsellorAssigned,
        CareTeamMemberAdded,
        CareTeamMemberRemoved,
        SessionNoteAdded,
        IntakeClosed,
        IntakeReopened {

  UUID intakeId();
}
