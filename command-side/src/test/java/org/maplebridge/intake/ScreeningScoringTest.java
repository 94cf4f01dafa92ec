package org.maplebridge.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.maplebridge.events.intake.Instrument;
import org.maplebridge.events.intake.ScreeningFlag;
import org.maplebridge.events.intake.SeverityBand;
import org.maplebridge.events.intake.SuicideRisk;
import org.maplebridge.write.InvalidInput;

class ScreeningScoringTest {

  /** Answers of {@code items} items (0-3 each) that add up to {@code total}, last item last. */
  private static List<Integer> answersAddingUpTo(int total, int items, int lastItem) {
    List<Integer> answers = new ArrayList<>();
    int left = total - lastItem;
    for (int i = 0; i < items - 1; i++) {
      int value = Math.min(3, left);
      answers.add(value);
      left -= value;
    }
    answers.add(lastItem);
    assertThat(left).as("total reachable").isZero();
    return answers;
  }

  @ParameterizedTest(name = "PHQ-9 total {0} is {1}")
  @CsvSource({
    "0,MINIMAL",
    "4,MINIMAL",
    "5,MILD",
    "9,MILD",
    "10,MODERATE",
    "14,MODERATE",
    "15,MODERATELY_SEVERE",
    "19,MODERATELY_SEVERE",
    "20,SEVERE",
    "24,SEVERE"
  })
  void phq9TotalsFallInThePublishedBands(int total, SeverityBand band) {
    ScreeningScore score =
        ScreeningScoring.score(Instrument.PHQ9, answersAddingUpTo(total, 9, 0), null);

    assertThat(score.total()).isEqualTo(total);
    assertThat(score.band()).isEqualTo(band);
    assertThat(score.flags()).isEmpty();
  }

  @Test
  void phq9MaximumIsSevereAndFlagsSelfHarm() {
    ScreeningScore score =
        ScreeningScoring.score(Instrument.PHQ9, List.of(3, 3, 3, 3, 3, 3, 3, 3, 3), null);

    assertThat(score.total()).isEqualTo(27);
    assertThat(score.band()).isEqualTo(SeverityBand.SEVERE);
    assertThat(score.flags()).containsExactly(ScreeningFlag.SELF_HARM_ITEM);
  }

  @Test
  void phq9ItemNineAboveZeroIsFlaggedWhateverTheTotal() {
    ScreeningScore score =
        ScreeningScoring.score(Instrument.PHQ9, List.of(0, 0, 0, 0, 0, 0, 0, 0, 1), null);

    assertThat(score.band()).isEqualTo(SeverityBand.MINIMAL);
    assertThat(score.flags()).containsExactly(ScreeningFlag.SELF_HARM_ITEM);
    assertThat(score.answers()).containsExactly(0, 0, 0, 0, 0, 0, 0, 0, 1);
    assertThat(score.instrumentVersion()).contains("PHQ-9");
  }

  @ParameterizedTest(name = "GAD-7 total {0} is {1}")
  @CsvSource({
    "0,MINIMAL",
    "4,MINIMAL",
    "5,MILD",
    "9,MILD",
    "10,MODERATE",
    "14,MODERATE",
    "15,SEVERE",
    "21,SEVERE"
  })
  void gad7TotalsFallInThePublishedBands(int total, SeverityBand band) {
    ScreeningScore score =
        ScreeningScoring.score(
            Instrument.GAD7, answersAddingUpTo(total, 7, Math.min(3, total)), null);

    assertThat(score.total()).isEqualTo(total);
    assertThat(score.band()).isEqualTo(band);
  }

  @ParameterizedTest(name = "C-SSRS {0} recent={1} is {2}")
  @CsvSource(
      nullValues = "null",
      value = {
        "000000,null,NONE",
        "100000,null,LOW",
        "010000,null,LOW",
        "110000,null,LOW",
        "011000,null,MODERATE",
        "000001,false,MODERATE",
        "010100,null,HIGH",
        "010010,null,HIGH",
        "000001,true,HIGH",
        "111111,true,HIGH"
      })
  void cssrsFollowsTheColumbiaScreenerTriage(String yes, Boolean recent, SuicideRisk risk) {
    List<Boolean> answers = Arrays.stream(yes.split("")).map("1"::equals).toList();

    ScreeningScore score = ScreeningScoring.score(Instrument.CSSRS, answers, recent);

    assertThat(score.risk()).isEqualTo(risk);
    assertThat(score.band()).isNull();
    assertThat(score.total()).isEqualTo((int) yes.chars().filter(c -> c == '1').count());
  }

  @ParameterizedTest(name = "C-SSRS {0} skips nothing it should")
  @CsvSource({"101000", "100100", "000010", "001001"})
  void cssrsQuestionsThreeToFiveFollowOnlyAYesToQuestionTwo(String yes) {
    List<Boolean> answers = Arrays.stream(yes.split("")).map("1"::equals).toList();
    assertThatThrownBy(() -> ScreeningScoring.score(Instrument.CSSRS, answers, true))
        .isInstanceOf(InvalidInput.class)
        .hasMessageContaining("question 2");
  }

  @Test
  void cssrsBehaviourNeedsToSayWhetherItWasRecent() {
    assertThatThrownBy(
            () ->
                ScreeningScoring.score(
                    Instrument.CSSRS, List.of(false, false, false, false, false, true), null))
        .isInstanceOf(InvalidInput.class)
        .hasMessageContaining("past 3 months");
  }

  @Test
  void cssrsRecentBehaviourWithoutBehaviourIsRefused() {
    assertThatThrownBy(
            () ->
                ScreeningScoring.score(
                    Instrument.CSSRS, List.of(true, false, false, false, false, false), true))
        .isInstanceOf(InvalidInput.class);
  }

  @Test
  void wrongItemCountsAreRefused() {
    assertThatThrownBy(() -> ScreeningScoring.score(Instrument.PHQ9, List.of(1, 2, 3), null))
        .isInstanceOf(InvalidInput.class)
        .hasMessage("Expected 9 answers but got 3");
    assertThatThrownBy(
            () -> ScreeningScoring.score(Instrument.GAD7, List.of(0, 0, 0, 0, 0, 0, 0, 0), null))
        .hasMessage("Expected 7 answers but got 8");
    assertThatThrownBy(() -> ScreeningScoring.score(Instrument.CSSRS, List.of(true), null))
        .hasMessage("Expected 6 answers but got 1");
    assertThatThrownBy(() -> ScreeningScoring.score(Instrument.PHQ9, null, null))
        .isInstanceOf(InvalidInput.class);
  }

  @Test
  void itemValuesOutsideZeroToThreeOrOfTheWrongKindAreRefused() {
    for (Object bad : new Object[] {4, -1, "2", 1.5, true}) {
      List<Object> answers = new ArrayList<>(List.of(0, 0, 0, 0, 0, 0));
      answers.add(bad);
      assertThatThrownBy(() -> ScreeningScoring.score(Instrument.GAD7, answers, null))
          .as("answer %s", bad)
          .isInstanceOf(InvalidInput.class);
    }
    assertThatThrownBy(
            () -> ScreeningScoring.score(Instrument.CSSRS, List.of(1, 0, 0, 0, 0, 0), null))
        .isInstanceOf(InvalidInput.class);
    assertThatThrownBy(
            () -> ScreeningScoring.score(Instrument.GAD7, List.of(0, 0, 0, 0, 0, 0, 0), true))
        .isInstanceOf(InvalidInput.class);
  }
}
