package org.maplebridge.intake;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.maplebridge.events.intake.Instrument;
import org.maplebridge.events.intake.ScreeningFlag;
import org.maplebridge.events.intake.SeverityBand;
import org.maplebridge.events.intake.SuicideRisk;
import org.maplebridge.write.InvalidInput;

/** Scores screenings with the instruments' published scoring. Bad answers are refused. */
public final class ScreeningScoring {

  static final String PHQ9_VERSION = "PHQ-9 (Kroenke, Spitzer & Williams 2001)";
  static final String GAD7_VERSION = "GAD-7 (Spitzer et al. 2006)";
  static final String CSSRS_VERSION = "C-SSRS Screener, recent, with triage (Columbia 2016)";

  private ScreeningScoring() {}

  public static ScreeningScore score(
      Instrument instrument, List<?> answers, Boolean recentBehaviour) {
    return switch (instrument) {
      case PHQ9 -> phq9(itemScores(answers, 9), recentBehaviour);
      case GAD7 -> gad7(itemScores(answers, 7), recentBehaviour);
      case CSSRS -> cssrs(yesNo(answers), recentBehaviour);
    };
  }

  private static ScreeningScore phq9(List<Integer> items, Boolean recentBehaviour) {
    noRecentBehaviourFor("PHQ-9", recentBehaviour);
    int total = items.stream().mapToInt(Integer::intValue).sum();
    SeverityBand band =
        total <= 4
            ? SeverityBand.MINIMAL
            : total <= 9
                ? SeverityBand.MILD
                : total <= 14
                    ? SeverityBand.MODERATE
                    : total <= 19 ? SeverityBand.MODERATELY_SEVERE : SeverityBand.SEVERE;
    // Item 9 asks about thoughts of self-harm: any answer above zero needs attention, whatever the
    // total.
    Set<ScreeningFlag> flags =
        items.get(8) > 0 ? EnumSet.of(ScreeningFlag.SELF_HARM_ITEM) : Set.of();
    return new ScreeningScore(
        Instrument.PHQ9, PHQ9_VERSION, items, null, total, band, flags, SuicideRisk.NONE);
  }

  private static ScreeningScore gad7(List<Integer> items, Boolean recentBehaviour) {
    noRecentBehaviourFor("GAD-7", recentBehaviour);
    int total = items.stream().mapToInt(Integer::intValue).sum();
    SeverityBand band =
        total <= 4
            ? SeverityBand.MINIMAL
            : total <= 9
                ? SeverityBand.MILD
                : total <= 14 ? SeverityBand.MODERATE : SeverityBand.SEVERE;
    return new ScreeningScore(
        Instrument.GAD7, GAD7_VERSION, items, null, total, band, Set.of(), SuicideRisk.NONE);
  }

  /**
   * Columbia screener triage: yes to 4 or 5, or behaviour (6) within the past 3 months, is high
   * risk; yes to 3, or behaviour longer ago, is moderate; yes to 1 or 2 only is low.
   */
  private static ScreeningScore cssrs(List<Boolean> yes, Boolean recentBehaviour) {
    // The screener's skip logic: questions 3 to 5 (method, intent, plan) follow only a yes to
    // question 2 (active thoughts); a yes to them after a no there is an answer never asked.
    if (!yes.get(1) && (yes.get(2) || yes.get(3) || yes.get(4))) {
      throw new InvalidInput(
          "answers",
          "Questions 3 to 5 are asked only when question 2 is answered yes: answer them no");
    }
    boolean behaviour = yes.get(5);
    if (behaviour && recentBehaviour == null) {
      throw new InvalidInput(
          "recentBehaviour",
          "Question 6 was answered yes: say whether it was in the past 3 months");
    }
    if (!behaviour && Boolean.TRUE.equals(recentBehaviour)) {
      throw new InvalidInput(
          "recentBehaviour", "Recent behaviour cannot be yes when question 6 was answered no");
    }
    boolean recent = behaviour && recentBehaviour;
    SuicideRisk risk;
    if (yes.get(3) || yes.get(4) || recent) {
      risk = SuicideRisk.HIGH;
    } else if (yes.get(2) || behaviour) {
      risk = SuicideRisk.MODERATE;
    } else if (yes.get(0) || yes.get(1)) {
      risk = SuicideRisk.LOW;
    } else {
      risk = SuicideRisk.NONE;
    }
    List<Integer> asItems = yes.stream().map(answer -> answer ? 1 : 0).toList();
    int total = asItems.stream().mapToInt(Integer::intValue).sum();
    return new ScreeningScore(
        Instrument.CSSRS,
        CSSRS_VERSION,
        asItems,
        behaviour ? recentBehaviour : null,
        total,
        null,
        Set.of(),
        risk);
  }

  private static List<Integer> itemScores(List<?> answers, int expectedItems) {
    expectCount(answers, expectedItems);
    for (Object answer : answers) {
      if (!(answer instanceof Integer value) || value < 0 || value > 3) {
        throw new InvalidInput("answers", "Each answer must be a whole number from 0 to 3");
      }
    }
    return answers.stream().map(Integer.class::cast).toList();
  }

  private static List<Boolean> yesNo(List<?> answers) {
    expectCount(answers, 6);
    for (Object answer : answers) {
      if (!(answer instanceof Boolean)) {
        throw new InvalidInput("answers", "Each C-SSRS answer must be true (yes) or false (no)");
      }
    }
    return answers.stream().map(Boolean.class::cast).toList();
  }

  private static void expectCount(List<?> answers, int expectedItems) {
    if (answers == null || answers.size() != expectedItems) {
      throw new InvalidInput(
          "answers",
          "Expected "
              + expectedItems
              + " answers but got "
              + (answers == null ? 0 : answers.size()));
    }
  }

  private static void noRecentBehaviourFor(String instrument, Boolean recentBehaviour) {
    if (recentBehaviour != null) {
      throw new InvalidInput("recentBehaviour", instrument + " has no recent-behaviour question");
    }
  }
}
