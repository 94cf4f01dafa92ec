package org.maplebridge.intake;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.maplebridge.events.client.ClientIdentity;
import org.maplebridge.events.intake.ConsentGiver;
import org.maplebridge.events.intake.ConsentMethod;
import org.maplebridge.events.intake.ConsentScope;
import org.maplebridge.events.intake.IntakeSource;
import org.maplebridge.events.intake.Urgency;

/** Real intake commands for tests and the benchmark that send them without HTTP. */
public final class IntakeCommandsForTests {
  private IntakeCommandsForTests() {}

  public static Object open(UUID intake) {
    return new IntakeCommands.OpenIntake(
        intake,
        new ClientIdentity("Li Wei", LocalDate.of(1990, 3, 4), "+86 138 0000 0000", null, null),
        null,
        IntakeSource.WALK_IN,
        "Low mood",
        Urgency.SOON,
        Set.of(),
        null);
  }

  public static Object consent(UUID intake) {
    return new IntakeCommands.RecordConsent(
        intake, ConsentScope.COUNSELLING, ConsentGiver.CLIENT, ConsentMethod.VERBAL);
  }

  public static Object note(UUID intake, String text) {
    return new IntakeCommands.AddSessionNote(intake, UUID.randomUUID(), text);
  }
}
