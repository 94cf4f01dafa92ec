package org.maplebridge.scope;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.maplebridge.events.Actor;
import org.maplebridge.events.Role;

/**
 * The scope matrix, once: every role in every relationship to every kind of record, with and
 * without broken glass, and what each part shows. "—" means the record does not exist for them.
 */
class ScopePolicyTest {
  private static final UUID PIAS_CLINIC = UUID.fromString("00000000-0000-0000-0000-00000000c1a1");
  private static final UUID OTHER_CLINIC = UUID.fromString("00000000-0000-0000-0000-00000000c1a2");

  @ParameterizedTest(name = "{0} {1} {2} glass={3}: {4}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # record          | role          | relation   | glass | scope        | identity | clinical | case   | audit  | changes clinical
          INTAKE            | COUNSELLOR    | TEAM       | false | CARE_TEAM    | SHOWN    | SHOWN    | SHOWN  | OWN    | true
          INTAKE            | COUNSELLOR    | UNIT       | false | —            |          |          |        |        |
          INTAKE            | COUNSELLOR    | UNIT       | true  | —            |          |          |        |        |
          INTAKE            | COUNSELLOR    | OTHER_UNIT | false | —            |          |          |        |        |
          INTAKE            | CRISIS_WORKER | UNIT       | false | —            |          |          |        |        |
          INTAKE            | CRISIS_WORKER | UNIT       | true  | EMERGENCY    | SHOWN    | SHOWN    | SHOWN  | OWN    | false
          INTAKE            | CRISIS_WORKER | OTHER_UNIT | true  | —            |          |          |        |        |
          INTAKE            | SUPERVISOR    | UNIT       | false | SUPERVISOR   | MASKED   | HIDDEN   | SHOWN  | SHOWN  | false
          INTAKE            | SUPERVISOR    | TEAM       | false | SUPERVISOR   | MASKED   | HIDDEN   | SHOWN  | SHOWN  | false
          INTAKE            | SUPERVISOR    | UNIT       | true  | EMERGENCY    | SHOWN    | SHOWN    | SHOWN  | OWN    | false
          INTAKE            | SUPERVISOR    | OTHER_UNIT | true  | —            |          |          |        |        |
          INTAKE            | ADMIN         | UNIT       | false | —            |          |          |        |        |
          INTAKE            | PRIVACY_OFFICER | UNIT     | false | —            |          |          |        |        |
          INTAKE            | PRIVACY_OFFICER | UNIT     | true  | —            |          |          |        |        |
          INTAKE            | SYSTEM        | UNIT       | false | PLATFORM     | HIDDEN   | HIDDEN   | HIDDEN | HIDDEN | false
          INTAKE            | SYSTEM        | OTHER_UNIT | false | —            |          |          |        |        |
          CRISIS            | CRISIS_WORKER | UNIT       | false | CRISIS_STAFF | SHOWN    | SHOWN    | SHOWN  | OWN    | true
          CRISIS            | CRISIS_WORKER | OTHER_UNIT | false | —            |          |          |        |        |
          CRISIS            | COUNSELLOR    | UNIT       | false | —            |          |          |        |        |
          CRISIS            | COUNSELLOR    | TEAM       | false | —            |          |          |        |        |
          CRISIS            | SUPERVISOR    | UNIT       | false | SUPERVISOR   | MASKED   | HIDDEN   | SHOWN  | SHOWN  | false
          CRISIS            | SUPERVISOR    | UNIT       | true  | EMERGENCY    | SHOWN    | SHOWN    | SHOWN  | OWN    | false
          CRISIS            | SUPERVISOR    | TEAM       | false | CONSULT      | SHOWN    | SHOWN    | SHOWN  | SHOWN  | false
          CRISIS            | SUPERVISOR    | TEAM       | true  | CONSULT      | SHOWN    | SHOWN    | SHOWN  | SHOWN  | false
          CRISIS            | CRISIS_WORKER | TEAM       | false | CRISIS_STAFF | SHOWN    | SHOWN    | SHOWN  | OWN    | true
          CRISIS            | ADMIN         | UNIT       | false | —            |          |          |        |        |
          CRISIS            | PRIVACY_OFFICER | UNIT     | false | —            |          |          |        |        |
          CRISIS            | PRIVACY_OFFICER | UNIT     | true  | —            |          |          |        |        |
          CRISIS            | SYSTEM        | UNIT       | false | PLATFORM     | HIDDEN   | HIDDEN   | HIDDEN | HIDDEN | false
          REFERRAL          | COUNSELLOR    | TEAM       | false | REFERRER     | SHOWN    | SHOWN    | SHOWN  | OWN    | true
          REFERRAL          | COUNSELLOR    | UNIT       | false | —            |          |          |        |        |
          REFERRAL          | COUNSELLOR    | OTHER_UNIT | false | —            |          |          |        |        |
          REFERRAL          | CRISIS_WORKER | UNIT       | false | —            |          |          |        |        |
          REFERRAL          | CRISIS_WORKER | TEAM       | false | REFERRER     | SHOWN    | SHOWN    | SHOWN  | OWN    | true
          REFERRAL_OF_CRISIS | CRISIS_WORKER | UNIT      | false | REFERRER     | SHOWN    | SHOWN    | SHOWN  | OWN    | true
          REFERRAL_OF_CRISIS | CRISIS_WORKER | OTHER_UNIT | false | —           |          |          |        |        |
          REFERRAL_OF_CRISIS | COUNSELLOR    | UNIT      | false | —            |          |          |        |        |
          REFERRAL          | SUPERVISOR    | UNIT       | false | SUPERVISOR   | MASKED   | HIDDEN   | SHOWN  | SHOWN  | false
          REFERRAL          | SUPERVISOR    | TEAM       | false | SUPERVISOR   | MASKED   | HIDDEN   | SHOWN  | SHOWN  | false
          REFERRAL          | ADMIN         | UNIT       | false | —            |          |          |        |        |
          REFERRAL          | PRIVACY_OFFICER | TEAM     | false | —            |          |          |        |        |
          REFERRAL          | SYSTEM        | UNIT       | false | PLATFORM     | HIDDEN   | HIDDEN   | HIDDEN | HIDDEN | false
          INTAKE            | PROVIDER      | OTHER_UNIT | false | —            |          |          |        |        |
          INTAKE            | PROVIDER      | OTHER_UNIT | true  | —            |          |          |        |        |
          CRISIS            | PROVIDER      | OTHER_UNIT | true  | —            |          |          |        |        |
          REFERRAL          | PROVIDER      | OTHER_UNIT | false | —            |          |          |        |        |
          """)
  void theScopeMatrix(
      String record,
      Role role,
      String relation,
      boolean glass,
      String scope,
      Access identity,
      Access clinical,
      Access caseAccess,
      Access audit,
      Boolean changesClinical) {
    String unit = relation.equals("OTHER_UNIT") ? "south" : "north";
    Actor viewer =
        role == Role.PROVIDER
            ? Actor.ofProvider("viewer", PIAS_CLINIC)
            : new Actor("viewer", role, role.organisationWide() ? null : unit);
    Set<String> team = relation.equals("TEAM") ? Set.of("viewer", "alice") : Set.of("alice");
    RecordFacts facts =
        switch (record) {
          case "INTAKE" -> RecordFacts.intake("north", team);
          case "CRISIS" -> RecordFacts.crisis("north", team);
          case "REFERRAL" -> RecordFacts.referral("north", team, false);
          case "REFERRAL_OF_CRISIS" -> RecordFacts.referral("north", team, true);
          default -> throw new IllegalArgumentException(record);
        };

    var decided = ScopePolicy.decide(viewer, facts, glass);

    if (scope.equals("—")) {
      assertThat(decided).as("the record does not exist for this viewer").isEmpty();
      return;
    }
    assertThat(decided).contains(Scope.valueOf(scope));
    Scope given = decided.orElseThrow();
    assertThat(given.access(Part.IDENTITY)).as("identity").isEqualTo(identity);
    assertThat(given.access(Part.CLINICAL)).as("clinical").isEqualTo(clinical);
    assertThat(given.access(Part.CASE)).as("case").isEqualTo(caseAccess);
    assertThat(given.access(Part.AUDIT)).as("audit").isEqualTo(audit);
    assertThat(given.mayChange(Part.CLINICAL)).as("changes clinical").isEqualTo(changesClinical);
  }

  @Test
  void aConsultedSupervisorsLookIsRecordedAsAConsultNotAnEmergencyAccess() {
    Scope consult =
        ScopePolicy.decide(
                new Actor("sam", Role.SUPERVISOR, "north"),
                RecordFacts.crisis("north", Set.of("sam")),
                false)
            .orElseThrow();
    assertThat(consult.purpose()).isEqualTo("CONSULT");
    assertThat(consult.shown()).isEqualTo("identity,clinical,case");
    assertThat(
            ScopePolicy.decide(
                new Actor("sam", Role.SUPERVISOR, "north"),
                RecordFacts.intake("north", Set.of("sam"))))
        .as("a case's supervision stays masked")
        .contains(Scope.SUPERVISOR);
  }

  /**
   * Provider staff (pia at her clinic) on a referral of the north unit: nothing of a referral sent
   * elsewhere or not reaching her clinic; a summary until acceptance; the disclosed fields after;
   * once the person withdrew consent to share, the referral alone, nothing of the person.
   */
  @ParameterizedTest(name = "provider, referral to {0} reaching {1}: {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # sent to     | reach     | scope            | identity  | clinical  | case  | audit
          OWN_CLINIC    | NONE      | —                |           |           |       |
          OWN_CLINIC    | PREVIEW   | PROVIDER_PREVIEW | MASKED    | DISCLOSED | SHOWN | OWN
          OWN_CLINIC    | DISCLOSED | PROVIDER         | DISCLOSED | DISCLOSED | SHOWN | OWN
          OWN_CLINIC    | ENDED     | PROVIDER_ENDED   | HIDDEN    | HIDDEN    | SHOWN | OWN
          OTHER_CLINIC  | PREVIEW   | —                |           |           |       |
          OTHER_CLINIC  | DISCLOSED | —                |           |           |       |
          OTHER_CLINIC  | ENDED     | —                |           |           |       |
          """)
  void providerStaffSeeOnlyWhatAReferralToTheirClinicDisclosed(
      String sentTo,
      ProviderReach reach,
      String scope,
      Access identity,
      Access clinical,
      Access caseAccess,
      Access audit) {
    RecordFacts facts =
        RecordFacts.referral("north", Set.of("alice"), false)
            .sentTo(sentTo.equals("OWN_CLINIC") ? PIAS_CLINIC : OTHER_CLINIC, reach);

    var decided = ScopePolicy.decide(Actor.ofProvider("pia", PIAS_CLINIC), facts, true);

    if (scope.equals("—")) {
      assertThat(decided).as("the referral does not exist for her").isEmpty();
      return;
    }
    Scope given = decided.orElseThrow();
    assertThat(given).isEqualTo(Scope.valueOf(scope));
    assertThat(given.access(Part.IDENTITY)).as("identity").isEqualTo(identity);
    assertThat(given.access(Part.CLINICAL)).as("clinical").isEqualTo(clinical);
    assertThat(given.access(Part.CASE)).as("case").isEqualTo(caseAccess);
    assertThat(given.access(Part.AUDIT)).as("audit").isEqualTo(audit);
    assertThat(given.mayChange(Part.CLINICAL)).as("changes clinical").isFalse();
  }

  @ParameterizedTest(name = "{0}, sent={1}, access open={2}, consent withdrawn={3}: {4}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # status    | sent  | access open | withdrawn | reach
          REQUESTED   | false | false       | false     | NONE
          REQUESTED   | true  | false       | false     | PREVIEW
          RECEIVED    | true  | false       | false     | PREVIEW
          ACCEPTED    | true  | true        | false     | DISCLOSED
          SCHEDULED   | true  | true        | false     | DISCLOSED
          IN_PROGRESS | true  | false       | false     | PREVIEW
          ON_HOLD     | true  | true        | false     | DISCLOSED
          DECLINED    | true  | false       | false     | NONE
          COMPLETED   | true  | true        | false     | NONE
          FAILED      | true  | true        | false     | NONE
          LOOP_CLOSED | true  | true        | false     | NONE
          CANCELLED   | true  | true        | false     | NONE
          RECEIVED    | true  | false       | true      | ENDED
          ACCEPTED    | true  | false       | true      | ENDED
          SCHEDULED   | true  | true        | true      | ENDED
          REQUESTED   | false | false       | true      | NONE
          COMPLETED   | true  | false       | true      | NONE
          """)
  void aReferralReachesItsProviderOnlyWhileOpenAndItsDisclosedFieldsOnlyDuringAccess(
      org.maplebridge.events.referral.ReferralStatus status,
      boolean sent,
      boolean accessOpen,
      boolean withdrawn,
      ProviderReach reach) {
    Instant now = Instant.parse("2026-12-01T12:00:00Z");
    Instant accessUntil = accessOpen ? now.plusSeconds(60) : now.minusSeconds(60);

    assertThat(ProviderReach.of(status, sent, accessUntil, withdrawn, now)).isEqualTo(reach);
  }

  @ParameterizedTest(name = "{0} of {1} sees the audit of north: {2}")
  @CsvSource({
    "SUPERVISOR, north, true",
    "SUPERVISOR, south, false",
    "PRIVACY_OFFICER, , true",
    "COUNSELLOR, north, false",
    "CRISIS_WORKER, north, false",
    "ADMIN, , false"
  })
  void theAuditOfAUnitIsForItsSupervisorAndThePrivacyOfficer(Role role, String unit, boolean sees) {
    assertThat(ScopePolicy.seesAuditOf(new Actor("viewer", role, unit), "north")).isEqualTo(sees);
  }

  @ParameterizedTest(name = "{0} of {1} looks up north's returning people: {2}")
  @CsvSource({
    "COUNSELLOR, north, true",
    "CRISIS_WORKER, north, true",
    "SUPERVISOR, north, true",
    "COUNSELLOR, south, false",
    "SUPERVISOR, district, false",
    "PRIVACY_OFFICER, , false",
    "ADMIN, , false"
  })
  void aReturningPersonIsLookedUpMaskedByTheStaffOfTheirOwnUnitOnly(
      Role role, String unit, boolean finds) {
    assertThat(ScopePolicy.looksUpClientsOf(new Actor("viewer", role, unit), "north"))
        .isEqualTo(finds ? Optional.of(Scope.LOOKUP) : Optional.empty());
    assertThat(Scope.LOOKUP.showsIdentity()).isFalse();
    assertThat(Scope.LOOKUP.access(Part.IDENTITY)).isEqualTo(Access.MASKED);
    assertThat(Scope.LOOKUP.access(Part.CLINICAL)).isEqualTo(Access.HIDDEN);
  }

  @ParameterizedTest(name = "{0}'s grant ({1}) reviewed by {2} ({3} of {4}): {5}")
  @CsvSource({
    "carol, CRISIS_WORKER, sam, SUPERVISOR, north, true",
    "carol, CRISIS_WORKER, dora, SUPERVISOR, south, false",
    "carol, CRISIS_WORKER, pat, PRIVACY_OFFICER, , false",
    "carol, CRISIS_WORKER, carol, CRISIS_WORKER, north, false",
    "alice, COUNSELLOR, sam, SUPERVISOR, north, true",
    "sam, SUPERVISOR, sam, SUPERVISOR, north, false",
    "sam, SUPERVISOR, sue, SUPERVISOR, north, false",
    "sam, SUPERVISOR, pat, PRIVACY_OFFICER, , true",
    "pat, PRIVACY_OFFICER, pat, PRIVACY_OFFICER, , false"
  })
  void anEmergencyAccessIsReviewedBySomeoneElseAboveTheGrantee(
      String grantee, Role granteeRole, String reviewer, Role role, String unit, boolean reviews) {
    assertThat(
            ScopePolicy.reviewsEmergencyAccess(
                new Actor(reviewer, role, unit), grantee, granteeRole, "north"))
        .isEqualTo(reviews);
  }
}
