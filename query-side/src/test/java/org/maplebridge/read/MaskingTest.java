package org.maplebridge.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.maplebridge.events.ClinicalData;
import org.maplebridge.events.PersonalData;
import org.maplebridge.read.Paging.Page;
import org.maplebridge.scope.Scope;

/** Masking is driven by the markers alone: the same view, shown in each scope. */
class MaskingTest {

  record Person(
      @PersonalData @ShownAsInitials String name,
      @PersonalData LocalDate birthDate,
      Integer birthYear,
      @MarksMasking boolean masked) {}

  record Note(@ClinicalData String text, String author) {}

  record CaseView(
      String reference,
      Person person,
      @PersonalData String phone,
      @ClinicalData String concern,
      List<Note> notes,
      Scope scope)
      implements ScopedView {

    @Override
    public Look look() {
      return new Look("INTAKE", null, "north");
    }
  }

  private static CaseView whole(Scope scope) {
    return new CaseView(
        "C-2026-000001",
        new Person("Li Wei", LocalDate.of(1990, 3, 4), 1990, false),
        "+86 138 0000 0000",
        "Low mood",
        List.of(new Note("Sleeps three hours", "alice")),
        scope);
  }

  @Test
  void theCareTeamSeesTheWholeView() {
    assertThat(Masking.apply(whole(Scope.CARE_TEAM), Scope.CARE_TEAM))
        .isEqualTo(whole(Scope.CARE_TEAM));
  }

  @Test
  void theSupervisorSeesInitialsAndTheYearAndNothingClinical() {
    CaseView shown = Masking.apply(whole(Scope.SUPERVISOR), Scope.SUPERVISOR);

    assertThat(shown.reference()).isEqualTo("C-2026-000001");
    assertThat(shown.person()).isEqualTo(new Person("L.W.", null, 1990, true));
    assertThat(shown.phone()).isNull();
    assertThat(shown.concern()).isNull();
    assertThat(shown.notes()).containsExactly(new Note(null, "alice"));
  }

  @Test
  void thePlatformsOwnScopeShowsNoPersonAtAll() {
    CaseView shown = Masking.apply(whole(Scope.PLATFORM), Scope.PLATFORM);

    assertThat(shown.person().name()).isNull();
    assertThat(shown.person().masked()).isTrue();
    assertThat(shown.concern()).isNull();
  }

  @Test
  void everyViewInAnAnswerIsShownInItsOwnScope() {
    Page<CaseView> page =
        new Page<>(List.of(whole(Scope.CARE_TEAM), whole(Scope.SUPERVISOR)), "next");

    @SuppressWarnings("unchecked")
    Page<CaseView> shown = (Page<CaseView>) ScopedViews.shown(page);

    assertThat(shown.items().get(0).person().name()).isEqualTo("Li Wei");
    assertThat(shown.items().get(1).person().name()).isEqualTo("L.W.");
    assertThat(shown.next()).isEqualTo("next");
    Optional<?> one = (Optional<?>) ScopedViews.shown(Optional.of(whole(Scope.SUPERVISOR)));
    assertThat(one).hasValueSatisfying(view -> assertThat(((CaseView) view).concern()).isNull());
  }
}
