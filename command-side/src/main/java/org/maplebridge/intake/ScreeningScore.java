package org.maplebridge.intake;

import java.util.List;
import java.util.Set;
import org.maplebridge.events.intake.Instrument;
import org.maplebridge.events.intake.ScreeningFlag;
import org.maplebridge.events.intake.SeverityBand;
import org.maplebridge.events.intake.SuicideRisk;

/** A screening as the platform scored it, with the raw answers it was scored from. */
public record ScreeningScore(
    Instrument instrument,
    String instrumentVersion,
    List<Integer> answers,
    Boolean recentBehaviour,
    int total,
    SeverityBand band,
    Set<ScreeningFlag> flags,
    SuicideRisk risk) {

  boolean selfHarmFlagged() {
    return flags.contains(ScreeningFlag.SELF_HARM_ITEM);
  }
}
