package org.maplebridge.oncall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.maplebridge.events.crisis.EscalationTier.ON_CALL_CLINICIAN;
import static org.maplebridge.events.crisis.EscalationTier.ON_CALL_SUPERVISOR;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.maplebridge.oncall.OnCallGaps.Gap;
import org.maplebridge.oncall.OnCallGaps.Held;

class OnCallGapsTest {
  private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");
  private static final Instant NOON = Instant.parse("2026-12-01T12:00:00Z");
  private static final Instant TWO = Instant.parse("2026-12-01T14:00:00Z");
  private static final Instant EVENING = Instant.parse("2026-12-01T20:00:00Z");

  @Test
  void anEmptyRosterIsOneGapPerTier() {
    assertThat(OnCallGaps.within(List.of(), NOW, EVENING))
        .containsExactly(
            new Gap(ON_CALL_SUPERVISOR, NOW, EVENING), new Gap(ON_CALL_CLINICIAN, NOW, EVENING));
  }

  @Test
  void aHandoverLeavesNoGapAndAMissedOneIsFoundBeforeItHappens() {
    List<Held> roster =
        List.of(
            new Held(ON_CALL_SUPERVISOR, "sam", NOW.minusSeconds(60), EVENING),
            new Held(ON_CALL_CLINICIAN, "carol", NOW.minusSeconds(60), NOON),
            new Held(ON_CALL_CLINICIAN, "cora", TWO, EVENING.plusSeconds(60)));
    assertThat(OnCallGaps.within(roster, NOW, EVENING))
        .containsExactly(new Gap(ON_CALL_CLINICIAN, NOON, TWO));
  }

  @Test
  void periodsThatOverlapOrEndedCoverWhatTheyCover() {
    List<Held> roster =
        List.of(
            new Held(ON_CALL_SUPERVISOR, "old", NOW.minusSeconds(7200), NOW.minusSeconds(3600)),
            new Held(ON_CALL_SUPERVISOR, "sam", NOW, TWO),
            new Held(ON_CALL_SUPERVISOR, "dora", NOON, EVENING),
            new Held(ON_CALL_CLINICIAN, "carol", NOW, EVENING));
    assertThat(OnCallGaps.within(roster, NOW, EVENING)).isEmpty();
  }
}
