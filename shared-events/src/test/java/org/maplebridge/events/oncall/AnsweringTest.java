package org.maplebridge.events.oncall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.maplebridge.events.crisis.EscalationTier.EMERGENCY_SERVICES;
import static org.maplebridge.events.crisis.EscalationTier.ON_CALL_CLINICIAN;
import static org.maplebridge.events.crisis.EscalationTier.ON_CALL_SUPERVISOR;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.maplebridge.events.crisis.EscalationTier;

/** Who acknowledges an escalation, by the roster now. */
class AnsweringTest {
  private static Function<EscalationTier, Optional<String>> roster(
      String supervisor, String clinician) {
    Map<EscalationTier, String> held = new EnumMap<>(EscalationTier.class);
    if (supervisor != null) {
      held.put(ON_CALL_SUPERVISOR, supervisor);
    }
    if (clinician != null) {
      held.put(ON_CALL_CLINICIAN, clinician);
    }
    return tier -> Optional.ofNullable(held.get(tier));
  }

  @Test
  void thePersonPagedOrAHigherTierButNotTheRaiserNorAnyoneElse() {
    var roster = roster("sam", "cora");
    assertThat(Answering.mayAcknowledge("sam", true, ON_CALL_SUPERVISOR, "carol", roster)).isTrue();
    assertThat(Answering.mayAcknowledge("cora", false, ON_CALL_SUPERVISOR, "carol", roster))
        .isTrue();
    assertThat(Answering.mayAcknowledge("carol", false, ON_CALL_SUPERVISOR, "system", roster))
        .isFalse();
    assertThat(Answering.mayAcknowledge("sam", true, ON_CALL_CLINICIAN, "system", roster))
        .isFalse();
    assertThat(Answering.mayAcknowledge("cora", false, ON_CALL_SUPERVISOR, "cora", roster))
        .isFalse();
  }

  @Test
  void aGapFallsToTheUnitsSupervisorAndTheTopRungToWhoeverHoldsATier() {
    var empty = roster(null, null);
    assertThat(Answering.mayAcknowledge("sam", true, ON_CALL_CLINICIAN, "carol", empty)).isTrue();
    assertThat(Answering.mayAcknowledge("cora", false, ON_CALL_CLINICIAN, "carol", empty))
        .isFalse();
    assertThat(
            Answering.mayAcknowledge(
                "cora", false, EMERGENCY_SERVICES, "system", roster(null, "cora")))
        .isTrue();
    assertThat(
            Answering.mayAcknowledge(
                "sam", true, EMERGENCY_SERVICES, "system", roster(null, "cora")))
        .isFalse();
    assertThat(Answering.mayAcknowledge("sam", true, EMERGENCY_SERVICES, "system", empty)).isTrue();
  }

  @Test
  void aRungThePlatformRaisedCarriesWhoEscalatedTheRungBelowIt() {
    assertThat(Answering.escalatedBy(null, "carol")).isEqualTo("carol");
    assertThat(Answering.escalatedBy("carol", "system")).isEqualTo("carol");
    assertThat(Answering.escalatedBy("carol", "cora")).isEqualTo("cora");
    assertThat(Answering.escalatedBy(null, "system")).isNull();
  }
}
