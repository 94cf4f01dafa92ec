package org.maplebridge.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.maplebridge.events.client.ClientIdentity;
import org.maplebridge.events.client.PopulationGroup;
import org.maplebridge.events.intake.*;

/**
 * Stored events are read back for as long as records are kept: their JSON is a contract. Each
 * event's JSON is compared with a snapshot under src/test/resources/contract; a change that breaks
 * it fails here and needs an upcaster. Run with -Dcontract.update=true to record new snapshots.
 */
class EventContractTest {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .findAndRegisterModules()
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(SerializationFeature.INDENT_OUTPUT);
  private static final UUID INTAKE = UUID.fromString("6f1c1c9e-2b7a-4a53-9f0e-6b1f2a1d0a01");
  private static final UUID CLIENT = UUID.fromString("6f1c1c9e-2b7a-4a53-9f0e-6b1f2a1d0c01");
  private static final UUID ITEM = UUID.fromString("6f1c1c9e-2b7a-4a53-9f0e-6b1f2a1d0e01");

  static Stream<Object> samples() {
    return Stream.of(
        new IntakeOpened(
            INTAKE,
            CLIENT,
            "C-2026-000123",
            new ClientIdentity(
                "Li Wei", LocalDate.of(1990, 3, 4), "+86 138 0000 0000", "1101", "12 Maple Road"),
            IntakeSource.WALK_IN,
            "Low mood",
            Urgency.SOON,
            Set.of(PopulationGroup.STUDENT),
            "north",
            "Grid 7",
            "alice"),
        new ConsentRecorded(
            INTAKE,
            ConsentScope.COUNSELLING,
            ConsentGiver.GUARDIAN,
            ConsentMethod.WRITTEN,
            "alice"),
        new ConsentWithdrawn(INTAKE, ConsentScope.CONTACT, "alice"),
        new ScreeningRecorded(
            INTAKE,
            ITEM,
            Instrument.PHQ9,
            "PHQ-9",
            List.of(0, 1, 2, 3, 0, 1, 2, 3, 1),
            null,
            13,
            SeverityBand.MODERATE,
            Set.of(ScreeningFlag.SELF_HARM_ITEM),
            SuicideRisk.NONE,
            "alice"),
        new CrisisAlertRaised(
            INTAKE, CLIENT, "north", CrisisAlertReason.SELF_HARM_ITEM, ITEM, SuicideRisk.NONE),
        new IntakeTriaged(INTAKE, Urgency.URGENT, "Self-harm thoughts", "system"),
        new CounsellorAssigned(INTAKE, "bob", "alice", "sam"),
        new CareTeamMemberAdded(INTAKE, "bob", "alice"),
        new SessionNoteAdded(INTAKE, ITEM, "Talked about sleep", "alice"),
        new IntakeClosed(INTAKE, ClosureReason.GOALS_MET, "Better", "alice"),
        new IntakeReopened(INTAKE, "Came back", "alice"));
  }

  @Test
  void everyIntakeEventHasASample() {
    List<Object> sampled = samples().map(sample -> (Object) sample.getClass()).toList();
    assertThat(sampled)
        .containsAll(Arrays.asList((Object[]) IntakeEvent.class.getPermittedSubclasses()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void theStoredJsonOfAnEventKeepsItsShape(Object event) throws IOException {
    String json = JSON.writeValueAsString(event) + "\n";
    Path snapshot =
        Path.of("src/test/resources/contract", event.getClass().getSimpleName() + ".json");
    if (Boolean.getBoolean("contract.update")) {
      Files.writeString(snapshot, json, StandardCharsets.UTF_8);
    }
    assertThat(json).isEqualTo(Files.readString(snapshot, StandardCharsets.UTF_8));
    assertThat(JSON.readValue(Files.readString(snapshot), event.getClass())).isEqualTo(event);
  }
}
