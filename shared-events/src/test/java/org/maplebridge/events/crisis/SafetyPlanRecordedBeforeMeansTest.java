package org.maplebridge.events.crisis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Plans recorded before step 6 asked for each means and its agreement are stored without {@code
 * meansAgreed}: they read back as they were, step 6 as free lines.
 */
class SafetyPlanRecordedBeforeMeansTest {

  @Test
  void aPlanStoredBeforeTheMeansWereAskedReadsBackAsItWas() throws IOException {
    SafetyPlanRecorded stored =
        new ObjectMapper()
            .findAndRegisterModules()
            .readValue(
                Files.readString(
                    Path.of(
                        "src/test/resources/contract-legacy/SafetyPlanRecorded-before-means.json")),
                SafetyPlanRecorded.class);

    assertThat(stored.version()).isEqualTo(2);
    assertThat(stored.plan().makingTheEnvironmentSafe())
        .isEqualTo(List.of("makingTheEnvironmentSafe"));
    assertThat(stored.plan().reasonsForLiving()).isEqualTo(List.of("reasonsForLiving"));
    assertThat(stored.plan().meansAgreed()).isNull();
  }
}
