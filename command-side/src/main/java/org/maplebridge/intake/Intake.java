package org.maplebridge.intake;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.maplebridge.write.BusinessRule.check;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.maplebridge.events.Actor;
import org.maplebridge.events.Role;
import org.maplebridge.events.intake.CareTeamMemberAdded;
import org.maplebridge.events.intake.CareTeamMemberRemoved;
import org.maplebridge.events.intake.ClinicalReview;
import org.maplebridge.events.intake.ClinicalReviewDone;
import org.maplebridge.events.intake.ClinicalReviewRequested;
import org.maplebridge.events.intake.ClosureReason;
import org.maplebridge.events.intake.ConsentRecorded;
import org.maplebridge.events.intake.ConsentScope;
import org.maplebridge.events.intake.ConsentWithdrawn;
import org.maplebridge.events.intake.CounsellorAssigned;
import org.maplebridge.events.intake.CrisisAlertRaised;
import org.maplebridge.events.intake.CrisisAlertReason;
import org.maplebridge.events.intake.Instrument;
import org.maplebridge.events.intake.IntakeClosed;
import org.maplebridge.events.intake.IntakeOpened;
import org.maplebridge.events.intake.IntakeReopened;
import org.maplebridge.events.intake.IntakeTriaged;
import org.maplebridge.events.intake.ScreeningFlag;
import org.maplebridge.events.intake.ScreeningRecorded;
import org.maplebridge.events.intake.SessionNoteAdded;
import org.maplebridge.events.intake.SharingTerms;
import org.maplebridge.events.intake.SuicideRisk;
import org.maplebridge.events.intake.Urgency;
import org.maplebridge.intake.IntakeCommands.AddCareTeamMember;
import org.maplebridge.intake.IntakeCommands.AddSessionNote;
import org.maplebridge.intake.IntakeCommands.AssignCounsellor;
import org.maplebridge.intake.IntakeCommands.CloseIntake;
import org.maplebridge.intake.IntakeCommands.CompleteClinicalReview;
import org.maplebridge.intake.IntakeCommands.OpenIntake;
import org.maplebridge.intake.IntakeCommands.RecordConsent;
import org.maplebridge.intake.IntakeCommands.RecordScreening;
import org.maplebridge.intake.IntakeCommands.RemoveCareTeamMember;
import org.maplebridge.intake.IntakeCommands.ReopenIntake;
import org.maplebridge.intake.IntakeCommands.ReturningClient;
import org.maplebridge.intake.IntakeCommands.TriageIntake;
import org.maplebridge.intake.IntakeCommands.WithdrawConsent;
import org.maplebridge.intake.IntakeRules.AClosedCaseIsNotClosedAgain;
import org.maplebridge.intake.IntakeRules.NoAssignmentBeforeConsentToCounselling;
import org.maplebridge.intake.IntakeRules.NothingIsAddedToAClosedCase;
import org.maplebridge.intake.IntakeRules.NothingIsAddedToAClosedCase.Addition;
import org.maplebridge.intake.IntakeRules.OnlyAClosedCaseCanBeReopened;
import org.maplebridge.intake.IntakeRules.OnlyAnOpenReviewIsDone;
import org.maplebridge.intake.IntakeRules.OnlyGivenConsentCanBeWithdrawn;
import org.maplebridge.intake.IntakeRules.ReferredOnMeansAReferralWentOut;
import org.maplebridge.intake.IntakeRules.TheAssignedCounsellorStaysOnTheCareTeam;
import org.maplebridge.intake.IntakeRules.TriageIsNotBelowTheRiskAScreeningShowed;
import org.maplebridge.scope.Part;
import org.maplebridge.scope.RecordFacts;
import org.maplebridge.scope.Scope;
import org.maplebridge.scope.ScopePolicy;
import org.maplebridge.write.AggregateCaching;
import org.maplebridge.write.ExpectedVersionFromMetadata;
import org.maplebridge.write.InvalidInput;
import org.maplebridge.write.NotAllowed;
import org.maplebridge.write.RecordNotFound;
import org.maplebridge.write.SourceFacts;
import org.maplebridge.write.StaffDirectory;
import org.maplebridge.write.TargetRecord;

/**
 * A person's way through counselling: taken in, consent, screenings, triage, a counsellor, session
 * notes, closure and perhaps a return. Only the unit's supervisor and the case's care team (who
 * opened it, the assigned counsellor, added colleagues) can act on it; for everyone else it does
 * not exist.
 */
@Aggregate(
    commandTargetResolver = ExpectedVersionFromMetadata.BEAN,
    cache = AggregateCaching.INTAKES)
class Intake {
  static final String SYSTEM = "system";

  @AggregateIdentifier private UUID intakeId;
  private UUID clientId;
  private String unit;
  private String assignedCounsellor;
  private final Set<String> careTeam = new HashSet<>();
  private final Set<ConsentScope> activeConsents = EnumSet.noneOf(ConsentScope.class);
  private final List<SharingTerms> sharingConsents = new ArrayList<>();
  private Urgency priority;
  private Urgency riskFloor;

  /**
   * The floor came from PHQ-9 item 9 alone, and a C-SSRS since found no risk: triage may go below
   * it, with the rationale every triage has.
   */
  private boolean negativeCssrsSinceSelfHarmItem;

  private final Map<UUID, ClinicalReview> openReviews = new LinkedHashMap<>();
  private boolean closed;

  Intake() {
    // for Axon
  }

  @CommandHandler
  Intake(OpenIntake command, Actor actor, ClientRegistry clients) {
    if (actor.unit() == null) {
      throw new NotAllowed("Only staff of a unit take people in");
    }
    ClientRegistry.RegisteredClient client =
        command.returning() == null
            ? clients.register(UUID.randomUUID(), actor.unit(), command.client().birthDate())
            : returningClient(command.returning(), actor, clients);
    apply(
        new IntakeOpened(
            command.intakeId(),
            client.clientId(),
            client.reference(),
            command.returning() == null ? command.client() : null,
            command.source(),
            command.concern(),
            command.urgency(),
            Set.copyOf(command.populationGroups()),
            actor.unit(),
            command.gridArea(),
            actor.username()));
  }

  /**
   * A known client is taken in again by a counsellor of their unit who gives their birth date or
   * already cares for them: an id or reference alone unlocks no one's identity. Supervision stays
   * masked, so a supervisor does not take a known client in. A client merged into another is taken
   * in as the client who stayed.
   */
  private static ClientRegistry.RegisteredClient returningClient(
      ReturningClient returning, Actor actor, ClientRegistry clients) {
    if (!actor.is(Role.COUNSELLOR)) {
      throw new NotAllowed("A counsellor of the unit takes a returning client in");
    }
    Optional<ClientRegistry.RegisteredClient> known =
        returning.clientId() != null
            ? clients.find(returning.clientId())
            : Optional.ofNullable(returning.reference()).flatMap(clients::findByReference);
    return known
        .filter(client -> client.unit().equals(actor.unit()))
        .filter(
            client ->
                knownBy(client, returning, actor, clients)
                    || knownBy(clients.surviving(client), returning, actor, clients))
        .map(clients::surviving)
        .orElseThrow(
            () ->
                new InvalidInput(
                    "birthDate", "No client of your unit with this reference and birth date"));
  }

  /**
   * The birth date given is the client's, or the counsellor cares for them already. A merged
   * client's reference is proved by the duplicate's facts or by the surviving client's: either is
   * the same person.
   */
  private static boolean knownBy(
      ClientRegistry.RegisteredClient client,
      ReturningClient returning,
      Actor actor,
      ClientRegistry clients) {
    return clients.birthDateMatches(client.clientId(), returning.birthDate())
        || clients.inCareOf(client.clientId(), actor.username());
  }

  @CommandHandler
  void handle(RecordConsent command, Actor actor) {
    requireCareTeam(actor, "record consent");
    check(new NothingIsAddedToAClosedCase(closed, Addition.CONSENT));
    boolean shares = command.scope() == ConsentScope.REFERRAL_SHARING;
    if (!shares && command.sharing() != null) {
      throw new InvalidInput("recipient", "Only consent to share names a recipient and purpose");
    }
    apply(
        new ConsentRecorded(
            intakeId,
            command.scope(),
            command.givenBy(),
            command.method(),
            actor.username(),
            shares
                ? Optional.ofNullable(command.sharing()).orElse(SharingTerms.ANY_REFERRAL_RECIPIENT)
                : null));
  }

  @CommandHandler
  void handle(WithdrawConsent command, Actor actor) {
    requireCareTeam(actor, "withdraw consent");
    check(new OnlyGivenConsentCanBeWithdrawn(activeConsents.contains(command.scope())));
    apply(new ConsentWithdrawn(intakeId, command.scope(), actor.username()));
  }

  @CommandHandler
  void handle(RecordScreening command, Actor actor, ClinicalReviewDeadlines deadlines) {
    requireCareTeam(actor, "record screenings");
    check(new NothingIsAddedToAClosedCase(closed, Addition.SCREENINGS));
    ScreeningScore score =
        ScreeningScoring.score(command.instrument(), command.answers(), command.recentBehaviour());
    apply(
        new ScreeningRecorded(
            intakeId,
            command.screeningId(),
            score.instrument(),
            score.instrumentVersion(),
            score.answers(),
            score.recentBehaviour(),
            score.total(),
            score.band(),
            score.flags(),
            score.risk(),
            actor.username()));
    if (score.instrument() == Instrument.CSSRS) {
      doneBy(command.screeningId(), ClinicalReview.SAME_DAY_CSSRS, actor);
    }
    raiseCrisisAlertIfAtRisk(command.screeningId(), score, deadlines);
    if (score.risk() == SuicideRisk.MODERATE) {
      requestReview(command.screeningId(), ClinicalReview.CLINICIAN_REVIEW, deadlines);
    }
  }

  /**
   * A review task per screening, its id derived from the screening; one of a kind is enough while
   * it is open.
   */
  private void requestReview(
      UUID screeningId, ClinicalReview review, ClinicalReviewDeadlines deadlines) {
    if (openReviews.containsValue(review)) {
      return;
    }
    Instant due = GenericEventMessage.clock.instant().plus(deadlines.within(review));
    UUID reviewId =
        UUID.nameUUIDFromBytes(
            ("review-of-screening:" + screeningId).getBytes(StandardCharsets.UTF_8));
    apply(new ClinicalReviewRequested(intakeId, reviewId, review, screeningId, due));
  }

  /** A C-SSRS recorded is the same-day C-SSRS that was asked for. */
  private void doneBy(UUID screeningId, ClinicalReview review, Actor actor) {
    for (UUID reviewId : reviewsOpen(review)) {
      apply(new ClinicalReviewDone(intakeId, reviewId, null, screeningId, actor.username()));
    }
  }

  private List<UUID> reviewsOpen(ClinicalReview review) {
    return openReviews.entrySet().stream()
        .filter(open -> open.getValue() == review)
        .map(Map.Entry::getKey)
        .toList();
  }

  @CommandHandler
  void handle(CompleteClinicalReview command, Actor actor) {
    requireCareTeam(actor, "record a clinician's review");
    List<UUID> open = reviewsOpen(ClinicalReview.CLINICIAN_REVIEW);
    check(new OnlyAnOpenReviewIsDone(!open.isEmpty()));
    for (UUID reviewId : open) {
      apply(new ClinicalReviewDone(intakeId, reviewId, command.outcome(), null, actor.username()));
    }
  }

  /**
   * High C-SSRS risk calls for immediate action: the crisis team is alerted and triage cannot stay
   * below emergency. A thought of self-harm on PHQ-9 item 9 is not a crisis by itself: it asks for
   * a C-SSRS the same day, and keeps triage at urgent at least until a negative one.
   */
  private void raiseCrisisAlertIfAtRisk(
      UUID screeningId, ScreeningScore score, ClinicalReviewDeadlines deadlines) {
    if (score.risk() == SuicideRisk.HIGH) {
      apply(
          new CrisisAlertRaised(
              intakeId,
              clientId,
              unit,
              CrisisAlertReason.CSSRS_HIGH_RISK,
              screeningId,
              score.risk()));
      raiseTriageTo(Urgency.EMERGENCY, CrisisAlertReason.CSSRS_HIGH_RISK.name());
    } else if (score.selfHarmFlagged()) {
      requestReview(screeningId, ClinicalReview.SAME_DAY_CSSRS, deadlines);
      raiseTriageTo(Urgency.URGENT, ScreeningFlag.SELF_HARM_ITEM.name());
    }
  }

  private void raiseTriageTo(Urgency floor, String reason) {
    if (priority == null || priority.compareTo(floor) < 0) {
      apply(
          new IntakeTriaged(
              intakeId,
              floor,
              "Raised to " + floor + " by the screening (" + reason + ")",
              SYSTEM));
    }
  }

  @CommandHandler
  void handle(TriageIntake command, Actor actor) {
    requireInScope(actor);
    check(new NothingIsAddedToAClosedCase(closed, Addition.TRIAGE));
    check(
        new TriageIsNotBelowTheRiskAScreeningShowed(
            command.priority(), riskFloor, negativeCssrsSinceSelfHarmItem));
    apply(new IntakeTriaged(intakeId, command.priority(), command.rationale(), actor.username()));
  }

  @CommandHandler
  void handle(AssignCounsellor command, Actor actor, StaffDirectory staff) {
    requireInScope(actor);
    check(new NothingIsAddedToAClosedCase(closed, Addition.ASSIGNMENT));
    check(
        new NoAssignmentBeforeConsentToCounselling(
            activeConsents.contains(ConsentScope.COUNSELLING)));
    requireCounsellorOfThisUnit(command.counsellor(), staff, "counsellor");
    if (command.counsellor().equals(assignedCounsellor)) {
      return;
    }
    String previous = assignedCounsellor;
    apply(new CounsellorAssigned(intakeId, command.counsellor(), previous, actor.username()));
    // A handover: whoever had the case stops seeing it, unless asked to stay on.
    if (previous != null && !command.keepPrevious()) {
      apply(new CareTeamMemberRemoved(intakeId, previous, actor.username()));
    }
  }

  @CommandHandler
  void handle(AddCareTeamMember command, Actor actor, StaffDirectory staff) {
    requireInScope(actor);
    check(new NothingIsAddedToAClosedCase(closed, Addition.CARE_TEAM_MEMBERS));
    requireCounsellorOfThisUnit(command.member(), staff, "member");
    if (careTeam.contains(command.member())) {
      return;
    }
    apply(new CareTeamMemberAdded(intakeId, command.member(), actor.username()));
  }

  @CommandHandler
  void handle(RemoveCareTeamMember command, Actor actor) {
    requireInScope(actor);
    check(new TheAssignedCounsellorStaysOnTheCareTeam(command.member(), assignedCounsellor));
    if (!careTeam.contains(command.member())) {
      return;
    }
    apply(new CareTeamMemberRemoved(intakeId, command.member(), actor.username()));
  }

  @CommandHandler
  void handle(AddSessionNote command, Actor actor) {
    requireCareTeam(actor, "write session notes");
    check(new NothingIsAddedToAClosedCase(closed, Addition.NOTES));
    apply(new SessionNoteAdded(intakeId, command.noteId(), command.text(), actor.username()));
  }

  @CommandHandler
  void handle(CloseIntake command, Actor actor, SentReferrals referrals) {
    requireInScope(actor);
    check(new AClosedCaseIsNotClosedAgain(closed));
    if (command.reason() == ClosureReason.REFERRED_ON) {
      check(new ReferredOnMeansAReferralWentOut(referrals.anySentFor(intakeId)));
    }
    apply(new IntakeClosed(intakeId, command.reason(), command.summary(), actor.username()));
  }

  @CommandHandler
  void handle(ReopenIntake command, Actor actor) {
    requireInScope(actor);
    check(new OnlyAClosedCaseCanBeReopened(closed));
    apply(new IntakeReopened(intakeId, command.reason(), actor.username()));
  }

  SourceFacts referralFacts() {
    return new SourceFacts(
        clientId, unit, Set.copyOf(careTeam), List.copyOf(sharingConsents), null);
  }

  /** The scope policy decides; for anyone it gives no scope, the case does not exist (404). */
  private Scope requireInScope(Actor actor) {
    return ScopePolicy.decide(actor, RecordFacts.intake(unit, careTeam))
        .orElseThrow(() -> new RecordNotFound("Intake " + intakeId, asTarget()));
  }

  private TargetRecord asTarget() {
    return new TargetRecord("INTAKE", intakeId, unit);
  }

  /** Clinical work is the care team's: a supervisor sees the case but may not do it (403). */
  private void requireCareTeam(Actor actor, String what) {
    if (!requireInScope(actor).mayChange(Part.CLINICAL)) {
      throw new NotAllowed("Only the case's care team may " + what, asTarget());
    }
  }

  private void requireCounsellorOfThisUnit(String username, StaffDirectory staff, String field) {
    boolean counsellorHere =
        staff
            .find(username)
            .filter(member -> member.is(Role.COUNSELLOR) && member.worksIn(unit))
            .isPresent();
    if (!counsellorHere) {
      throw new InvalidInput(field, username + " is not a counsellor of unit " + unit);
    }
  }

  @EventSourcingHandler
  void on(IntakeOpened event) {
    intakeId = event.intakeId();
    clientId = event.clientId();
    unit = event.unit();
    careTeam.add(event.openedBy());
  }

  @EventSourcingHandler
  void on(ConsentRecorded event) {
    activeConsents.add(event.scope());
    if (event.sharingTerms() != null) {
      sharingConsents.add(event.sharingTerms());
    }
  }

  @EventSourcingHandler
  void on(ConsentWithdrawn event) {
    activeConsents.remove(event.scope());
    if (event.scope() == ConsentScope.REFERRAL_SHARING) {
      // Withdrawing consent to share withdraws it for every recipient it named.
      sharingConsents.clear();
    }
  }

  /** Alerts stored before PHQ-9 item 9 asked for a C-SSRS instead still set an urgent floor. */
  @EventSourcingHandler
  void on(CrisisAlertRaised event) {
    raiseFloorTo(
        event.reason() == CrisisAlertReason.CSSRS_HIGH_RISK ? Urgency.EMERGENCY : Urgency.URGENT);
  }

  private void raiseFloorTo(Urgency floor) {
    if (riskFloor == null || riskFloor.compareTo(floor) < 0) {
      riskFloor = floor;
      negativeCssrsSinceSelfHarmItem = false;
    }
  }

  @EventSourcingHandler
  void on(ClinicalReviewRequested event) {
    openReviews.put(event.reviewId(), event.review());
    if (event.review() == ClinicalReview.SAME_DAY_CSSRS) {
      raiseFloorTo(Urgency.URGENT);
    }
  }

  @EventSourcingHandler
  void on(ScreeningRecorded event) {
    if (event.instrument() == Instrument.CSSRS
        && event.risk() == SuicideRisk.NONE
        && riskFloor == Urgency.URGENT) {
      negativeCssrsSinceSelfHarmItem = true;
    }
  }

  @EventSourcingHandler
  void on(ClinicalReviewDone event) {
    openReviews.remove(event.reviewId());
  }

  @EventSourcingHandler
  void on(IntakeTriaged event) {
    priority = event.priority();
    // Below the floor only where a negative C-SSRS let it through: the floor is gone.
    if (riskFloor != null && priority.compareTo(riskFloor) < 0) {
      riskFloor = null;
      negativeCssrsSinceSelfHarmItem = false;
    }
  }

  @EventSourcingHandler
  void on(CounsellorAssigned event) {
    assignedCounsellor = event.counsellor();
    careTeam.add(event.counsellor());
  }

  @EventSourcingHandler
  void on(CareTeamMemberAdded event) {
    careTeam.add(event.member());
  }

  @EventSourcingHandler
  void on(CareTeamMemberRemoved event) {
    careTeam.remove(event.member());
  }

  @EventSourcingHandler
  void on(IntakeClosed event) {
    closed = true;
  }

  @EventSourcingHandler
  void on(IntakeReopened event) {
    closed = false;
  }
}
