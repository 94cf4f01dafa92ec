package org.maplebridge.referral;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.maplebridge.write.BusinessRule.check;

import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.maplebridge.events.Actor;
import org.maplebridge.events.Role;
import org.maplebridge.events.intake.SharingPurpose;
import org.maplebridge.events.referral.AnswerChannel;
import org.maplebridge.events.referral.AppointmentAttended;
import org.maplebridge.events.referral.AppointmentMissed;
import org.maplebridge.events.referral.AppointmentScheduled;
import org.maplebridge.events.referral.ConsentBasis;
import org.maplebridge.events.referral.ConsentOverrideRecorded;
import org.maplebridge.events.referral.ConsentWaiver;
import org.maplebridge.events.referral.ConsentWaiverRefused;
import org.maplebridge.events.referral.ConsentWaiverRequested;
import org.maplebridge.events.referral.ProviderAccessEndReason;
import org.maplebridge.events.referral.ProviderAccessEnded;
import org.maplebridge.events.referral.ProviderAnswer;
import org.maplebridge.events.referral.ReferralAccepted;
import org.maplebridge.events.referral.ReferralCancelled;
import org.maplebridge.events.referral.ReferralCompleted;
import org.maplebridge.events.referral.ReferralDeclined;
import org.maplebridge.events.referral.ReferralEnteredInError;
import org.maplebridge.events.referral.ReferralFailed;
import org.maplebridge.events.referral.ReferralLoopClosed;
import org.maplebridge.events.referral.ReferralOverdue;
import org.maplebridge.events.referral.ReferralPutOnHold;
import org.maplebridge.events.referral.ReferralReceived;
import org.maplebridge.events.referral.ReferralRedirected;
import org.maplebridge.events.referral.ReferralRequested;
import org.maplebridge.events.referral.ReferralResumed;
import org.maplebridge.events.referral.ReferralReviewed;
import org.maplebridge.events.referral.ReferralSent;
import org.maplebridge.events.referral.ReferralSide;
import org.maplebridge.events.referral.ReferralStage;
import org.maplebridge.events.referral.ReferralStatus;
import org.maplebridge.events.referral.ReferralStep;
import org.maplebridge.events.referral.ReferralUrgency;
import org.maplebridge.referral.ReferralCommands.CancelReferral;
import org.maplebridge.referral.ReferralCommands.CloseLoop;
import org.maplebridge.referral.ReferralCommands.EndSharingWithoutConsent;
import org.maplebridge.referral.ReferralCommands.GrantConsentWaiver;
import org.maplebridge.referral.ReferralCommands.MarkEnteredInError;
import org.maplebridge.referral.ReferralCommands.PutOnHold;
import org.maplebridge.referral.ReferralCommands.RecordAcceptance;
import org.maplebridge.referral.ReferralCommands.RecordAppointment;
import org.maplebridge.referral.ReferralCommands.RecordAttendance;
import org.maplebridge.referral.ReferralCommands.RecordCompletion;
import org.maplebridge.referral.ReferralCommands.RecordDecline;
import org.maplebridge.referral.ReferralCommands.RecordFailure;
import org.maplebridge.referral.ReferralCommands.RecordReceipt;
import org.maplebridge.referral.ReferralCommands.Redirect;
import org.maplebridge.referral.ReferralCommands.RefuseConsentWaiver;
import org.maplebridge.referral.ReferralCommands.RequestConsentWaiver;
import org.maplebridge.referral.ReferralCommands.RequestReferral;
import org.maplebridge.referral.ReferralCommands.Resume;
import org.maplebridge.referral.ReferralCommands.ReviewReferral;
import org.maplebridge.referral.ReferralCommands.SendReferral;
import org.maplebridge.referral.ReferralCommands.StageDue;
import org.maplebridge.referral.ReferralRules.AWaiverAnswersAnAsk;
import org.maplebridge.referral.ReferralRules.NoOneApprovesTheirOwnAsk;
import org.maplebridge.referral.ReferralRules.ProviderAnswersComeAfterSending;
import org.maplebridge.referral.ReferralRules.ReferralIsSentOnce;
import org.maplebridge.referral.ReferralRules.SharingNeedsConsentOrAnOverride;
import org.maplebridge.referral.ReferralRules.TheLoopGoesStepByStep;
import org.maplebridge.scope.ProviderReach;
import org.maplebridge.scope.RecordFacts;
import org.maplebridge.scope.ScopePolicy;
import org.maplebridge.write.AggregateCaching;
import org.maplebridge.write.ExpectedVersionFromMetadata;
import org.maplebridge.write.InvalidInput;
import org.maplebridge.write.RecordNotFound;
import org.maplebridge.write.SourceFacts;
import org.maplebridge.write.TargetRecord;

/**
 * A referral, a closed loop: requested, sent with the minimum necessary fields once sharing is
 * allowed, answered by the provider, followed to its outcome, and closed when the referrer
 * acknowledges the feedback. Each waiting step has a deadline by urgency; a missed one makes the
 * referral overdue for the supervisor.
 */
@Aggregate(
    commandTargetResolver = ExpectedVersionFromMetadata.BEAN,
    cache = AggregateCaching.REFERRALS)
class Referral {
  static final String STAGE_DEADLINE = "referral-stage";
  static final int MISSES_BEFORE_FAILURE = 3;

  @AggregateIdentifier private UUID referralId;
  private String unit;
  private UUID intakeId;
  private UUID crisisId;
  private String requestedBy;
  private UUID providerId;
  private Instant providerAccessUntil;
  private org.maplebridge.events.directory.ServiceType serviceType;
  private ReferralUrgency urgency;
  private Set<org.maplebridge.events.referral.DisclosedField> disclosed;
  private ConsentWaiver waiver = ConsentWaiver.NONE;
  private String waiverAskedBy;
  private boolean sent;
  private ConsentBasis basis;
  private boolean sharingEnded;
  private ReferralStatus status;
  private int misses;
  private ReferralStage pendingStage;
  private int stageStarts;

  Referral() {
    // for Axon
  }

  @CommandHandler
  Referral(RequestReferral command, Actor actor, ReferralSources sources) {
    boolean fromIntake = command.intakeId() != null;
    if (fromIntake == (command.crisisId() != null)) {
      throw new InvalidInput("intakeId", "Refer from either an intake or a crisis episode");
    }
    Optional<SourceFacts> found =
        fromIntake ? sources.intake(command.intakeId()) : sources.crisis(command.crisisId());
    SourceFacts source =
        found
            .filter(facts -> mayReferFrom(actor, facts, !fromIntake))
            .orElseThrow(
                () ->
                    new RecordNotFound(
                        fromIntake ? "Intake" : "Crisis episode",
                        new TargetRecord(
                            fromIntake ? "INTAKE" : "CRISIS",
                            fromIntake ? command.intakeId() : command.crisisId(),
                            found.map(SourceFacts::unit).orElse(null))));
    if (!sources.providerOffers(command.providerId(), command.serviceType())) {
      throw new InvalidInput("providerId", "That provider does not offer " + command.serviceType());
    }
    apply(
        new ReferralRequested(
            command.referralId(),
            command.intakeId(),
            command.crisisId(),
            source.clientId(),
            source.unit(),
            command.serviceType(),
            command.providerId(),
            command.urgency(),
            command.reason(),
            Set.copyOf(command.disclosedFields()),
            actor.username()));
  }

  private static boolean mayReferFrom(Actor actor, SourceFacts source, boolean crisis) {
    RecordFacts facts =
        crisis
            ? RecordFacts.crisis(source.unit())
            : RecordFacts.intake(source.unit(), source.team());
    return ScopePolicy.decide(actor, facts).isPresent();
  }

  @CommandHandler
  void handle(RequestConsentWaiver command, Actor actor, ReferralSources sources) {
    requireReferrer(actor, sources);
    checkWaiverStep("asked to go without consent", ReferralStep.REQUEST_CONSENT_WAIVER);
    apply(new ConsentWaiverRequested(referralId, command.reason(), actor.username()));
  }

  /** The actor is the authoriser: a supervisor of the referral's unit, answering a waiting ask. */
  @CommandHandler
  void handle(GrantConsentWaiver command, Actor actor, ReferralSources sources) {
    requireReferrer(actor, sources);
    checkWaiverStep("allowed to go without consent", ReferralStep.GRANT_CONSENT_WAIVER);
    check(new NoOneApprovesTheirOwnAsk(waiverAskedBy, actor.username()));
    apply(
        new ConsentOverrideRecorded(
            referralId, command.reason(), actor.username(), actor.username()));
  }

  @CommandHandler
  void handle(RefuseConsentWaiver command, Actor actor, ReferralSources sources) {
    requireReferrer(actor, sources);
    checkWaiverStep("refused an override", ReferralStep.REFUSE_CONSENT_WAIVER);
    check(new NoOneApprovesTheirOwnAsk(waiverAskedBy, actor.username()));
    apply(new ConsentWaiverRefused(referralId, command.reason(), actor.username()));
  }

  private void checkWaiverStep(String done, ReferralStep step) {
    check(new TheLoopGoesStepByStep(done, status, step));
    check(new ReferralIsSentOnce(sent));
    check(new AWaiverAnswersAnAsk(step, waiver));
  }

  @CommandHandler
  void handle(
      SendReferral command,
      Actor actor,
      ReferralSources sources,
      ReferralDeadlines deadlines,
      RescueReferralBasis rescueBasis,
      DeadlineManager timer) {
    SourceFacts source = requireReferrer(actor, sources);
    check(new TheLoopGoesStepByStep("sent", status, ReferralStep.SEND));
    check(new ReferralIsSentOnce(sent));
    ConsentBasis sharedOn = sharingBasis(source, providerId, rescueBasis);
    Instant due = startStage(ReferralStage.ACKNOWLEDGEMENT, deadlines, timer);
    apply(new ReferralSent(referralId, providerId, sharedOn, disclosed, due, actor.username()));
  }

  /**
   * Why the person's details may go to {@code recipient} now: a rescue, the person's consent to
   * share with that recipient for a referral, or the override the unit's supervisor authorised;
   * refused when none holds, saying whether consent names other recipients.
   */
  private ConsentBasis sharingBasis(
      SourceFacts source, UUID recipient, RescueReferralBasis rescueBasis) {
    boolean consent =
        source.sharingConsents().stream()
            .anyMatch(terms -> terms.covers(recipient, serviceType, SharingPurpose.REFERRAL));
    boolean rescue =
        rescueBasis.covers(source.rescuedAt(), urgency, GenericEventMessage.clock.instant());
    check(
        new SharingNeedsConsentOrAnOverride(
            consent, waiver == ConsentWaiver.GRANTED, rescue, !source.sharingConsents().isEmpty()));
    return rescue
        ? ConsentBasis.RESCUE
        : consent ? ConsentBasis.CLIENT_CONSENT : ConsentBasis.OVERRIDE;
  }

  private Instant startStage(
      ReferralStage stage, ReferralDeadlines deadlines, DeadlineManager timer) {
    Instant due = GenericEventMessage.clock.instant().plus(deadlines.respondWithin(urgency));
    timer.schedule(due, STAGE_DEADLINE, new StageDue(stage, stageStarts + 1, due));
    return due;
  }

  @DeadlineHandler(deadlineName = STAGE_DEADLINE)
  void stageDue(StageDue due) {
    if (due.stage() == pendingStage && due.start() == stageStarts) {
      apply(new ReferralOverdue(referralId, due.stage(), due.due()));
    }
  }

  @CommandHandler
  void handle(
      RecordReceipt command,
      Actor actor,
      ReferralSources sources,
      ReferralDeadlines deadlines,
      DeadlineManager timer) {
    ProviderAnswer answer = answer(command.answer(), actor, sources);
    check(new ProviderAnswersComeAfterSending(sent));
    check(new TheLoopGoesStepByStep("received", status, ReferralStep.RECORD_RECEIPT));
    Instant due = startStage(ReferralStage.ACCEPTANCE, deadlines, timer);
    apply(new ReferralReceived(referralId, due, actor.username(), answer));
  }

  @CommandHandler
  void handle(
      RecordAcceptance command,
      Actor actor,
      ReferralSources sources,
      ReferralDeadlines deadlines,
      DeadlineManager timer) {
    ProviderAnswer answer = answer(command.answer(), actor, sources);
    check(new ProviderAnswersComeAfterSending(sent));
    check(new TheLoopGoesStepByStep("accepted", status, ReferralStep.RECORD_ACCEPTANCE));
    Instant now = GenericEventMessage.clock.instant();
    Instant feedbackBy = startStage(ReferralStage.FEEDBACK, deadlines, timer);
    apply(
        new ReferralAccepted(
            referralId,
            // Consent withdrawn since sending: accepting opens nothing.
            sharingEnded ? now : now.plus(deadlines.providerAccess()),
            feedbackBy,
            actor.username(),
            answer));
  }

  @CommandHandler
  void handle(RecordDecline command, Actor actor, ReferralSources sources) {
    ProviderAnswer answer = answer(command.answer(), actor, sources);
    check(new ProviderAnswersComeAfterSending(sent));
    check(new TheLoopGoesStepByStep("declined", status, ReferralStep.RECORD_DECLINE));
    UUID suggested = command.suggestedProvider();
    if (suggested != null
        && (suggested.equals(providerId) || !sources.providerOffers(suggested, serviceType))) {
      throw new InvalidInput(
          "suggestedProvider", "Suggest another provider that offers " + serviceType);
    }
    apply(
        new ReferralDeclined(
            referralId, command.reason(), command.notes(), actor.username(), answer, suggested));
  }

  @CommandHandler
  void handle(
      Redirect command,
      Actor actor,
      ReferralSources sources,
      ReferralDeadlines deadlines,
      RescueReferralBasis rescueBasis,
      DeadlineManager timer) {
    SourceFacts source = requireReferrer(actor, sources);
    check(new TheLoopGoesStepByStep("redirected", status, ReferralStep.REDIRECT));
    if (!sources.providerOffers(command.providerId(), serviceType)) {
      throw new InvalidInput("providerId", "That provider does not offer " + serviceType);
    }
    // Another recipient: the person's consent (or the override, or the rescue) must cover it now.
    ConsentBasis sharedOn = sharingBasis(source, command.providerId(), rescueBasis);
    Instant due = startStage(ReferralStage.ACKNOWLEDGEMENT, deadlines, timer);
    apply(
        new ReferralRedirected(
            referralId, providerId, command.providerId(), due, actor.username(), sharedOn));
  }

  /**
   * The person withdrew consent to share: a referral sent on that consent, still open and no longer
   * covered, ends its provider's access to the disclosed fields (the provider keeps the referral,
   * told why). Anything else changes nothing, so the automation may repeat it.
   */
  @CommandHandler
  void handle(EndSharingWithoutConsent command, Actor actor, ReferralSources sources) {
    if (!sent
        || sharingEnded
        || basis != ConsentBasis.CLIENT_CONSENT
        || !ReferralStatus.OPEN.contains(status)) {
      return;
    }
    boolean stillCovered =
        source(sources).sharingConsents().stream()
            .anyMatch(terms -> terms.covers(providerId, serviceType, SharingPurpose.REFERRAL));
    if (!stillCovered) {
      apply(
          new ProviderAccessEnded(
              referralId,
              providerId,
              ProviderAccessEndReason.CONSENT_WITHDRAWN,
              command.withdrawnBy()));
    }
  }

  /**
   * Booking (or moving) the appointment moves the feedback deadline: the provider reports on the
   * person once it has seen them, so the feedback is due within the urgency's time of the
   * appointment, not of acceptance (which only bounds it when no appointment is needed).
   */
  @CommandHandler
  void handle(
      RecordAppointment command,
      Actor actor,
      ReferralSources sources,
      ReferralDeadlines deadlines,
      DeadlineManager timer) {
    ProviderAnswer answer = answer(command.answer(), actor, sources);
    check(new TheLoopGoesStepByStep("given an appointment", status, ReferralStep.BOOK_APPOINTMENT));
    Instant feedbackBy = command.at().plus(deadlines.respondWithin(urgency));
    timer.schedule(
        feedbackBy,
        STAGE_DEADLINE,
        new StageDue(ReferralStage.FEEDBACK, stageStarts + 1, feedbackBy));
    apply(new AppointmentScheduled(referralId, command.at(), actor.username(), answer, feedbackBy));
  }

  @CommandHandler
  void handle(RecordAttendance command, Actor actor, ReferralSources sources) {
    ProviderAnswer answer = answer(command.answer(), actor, sources);
    check(new TheLoopGoesStepByStep("attended or missed", status, ReferralStep.RECORD_ATTENDANCE));
    if (command.attended()) {
      apply(new AppointmentAttended(referralId, actor.username(), answer));
      return;
    }
    apply(new AppointmentMissed(referralId, misses + 1, actor.username(), answer));
    if (misses >= MISSES_BEFORE_FAILURE) {
      apply(
          new ReferralFailed(
              referralId,
              "Missed " + MISSES_BEFORE_FAILURE + " appointments",
              actor.username(),
              answer));
    }
  }

  @CommandHandler
  void handle(PutOnHold command, Actor actor, ReferralSources sources) {
    ProviderAnswer answer = answer(command.answer(), actor, sources);
    check(new TheLoopGoesStepByStep("put on hold", status, ReferralStep.PUT_ON_HOLD));
    apply(new ReferralPutOnHold(referralId, command.reason(), actor.username(), answer));
  }

  @CommandHandler
  void handle(Resume command, Actor actor, ReferralSources sources) {
    ProviderAnswer answer = answer(command.answer(), actor, sources);
    check(new TheLoopGoesStepByStep("resumed", status, ReferralStep.RESUME));
    apply(new ReferralResumed(referralId, actor.username(), answer));
  }

  @CommandHandler
  void handle(RecordCompletion command, Actor actor, ReferralSources sources) {
    ProviderAnswer answer = answer(command.answer(), actor, sources);
    check(new TheLoopGoesStepByStep("completed", status, ReferralStep.RECORD_COMPLETION));
    apply(new ReferralCompleted(referralId, command.outcome(), actor.username(), answer));
  }

  @CommandHandler
  void handle(RecordFailure command, Actor actor, ReferralSources sources) {
    ProviderAnswer answer = answer(command.answer(), actor, sources);
    check(new TheLoopGoesStepByStep("failed", status, ReferralStep.RECORD_FAILURE));
    apply(new ReferralFailed(referralId, command.reason(), actor.username(), answer));
  }

  @CommandHandler
  void handle(CloseLoop command, Actor actor, ReferralSources sources) {
    requireReferrer(actor, sources);
    check(new TheLoopGoesStepByStep("closed without feedback", status, ReferralStep.CLOSE_LOOP));
    apply(new ReferralLoopClosed(referralId, actor.username()));
  }

  @CommandHandler
  void handle(CancelReferral command, Actor actor, ReferralSources sources) {
    // The provider's staff cancel for the provider; the referrer's staff for either side.
    ReferralSide side = actor.is(Role.PROVIDER) ? ReferralSide.PROVIDER : command.side();
    ProviderAnswer answer =
        side == ReferralSide.PROVIDER ? answer(command.answer(), actor, sources) : null;
    if (answer == null) {
      requireReferrer(actor, sources);
    }
    check(new TheLoopGoesStepByStep("cancelled", status, ReferralStep.CANCEL));
    apply(new ReferralCancelled(referralId, side, command.reason(), actor.username(), answer));
  }

  @CommandHandler
  void handle(MarkEnteredInError command, Actor actor, ReferralSources sources) {
    requireReferrer(actor, sources);
    if (status == ReferralStatus.ENTERED_IN_ERROR) {
      return;
    }
    apply(new ReferralEnteredInError(referralId, command.reason(), actor.username()));
  }

  @CommandHandler
  void handle(ReviewReferral command, Actor actor, ReferralSources sources) {
    requireReferrer(actor, sources);
    apply(
        new ReferralReviewed(
            referralId, command.reviewId(), command.kind(), command.text(), actor.username()));
  }

  /**
   * Who may give the provider's answer, and how it came: the provider's own staff through their own
   * channel (the portal, or their system moving the FHIR Task), or the referring service's staff
   * after a call, naming the provider's person when they give one.
   */
  private ProviderAnswer answer(ProviderAnswer given, Actor actor, ReferralSources sources) {
    if (actor.is(Role.PROVIDER)) {
      requireItsProvider(actor);
      boolean viaFhir = given != null && given.channel() == AnswerChannel.FHIR;
      return new ProviderAnswer(viaFhir ? AnswerChannel.FHIR : AnswerChannel.PORTAL, null);
    }
    requireReferrer(actor, sources);
    return new ProviderAnswer(AnswerChannel.PHONE, given == null ? null : given.contactPerson());
  }

  /**
   * Staff of the provider the referral was sent to, while it reaches them; for anyone else, and
   * after a final state, the referral does not exist.
   */
  private void requireItsProvider(Actor actor) {
    ProviderReach reach =
        ProviderReach.of(
            status, sent, providerAccessUntil, sharingEnded, GenericEventMessage.clock.instant());
    RecordFacts facts =
        RecordFacts.referral(unit, Set.of(requestedBy), crisisId != null).sentTo(providerId, reach);
    if (ScopePolicy.decide(actor, facts).isEmpty()) {
      throw new RecordNotFound(
          "Referral " + referralId, new TargetRecord("REFERRAL", referralId, unit));
    }
  }

  /** The source case or episode as it is now. */
  private SourceFacts source(ReferralSources sources) {
    return (intakeId != null ? sources.intake(intakeId) : sources.crisis(crisisId))
        .orElseThrow(() -> new IllegalStateException("The referral's source is gone"));
  }

  /**
   * The unit's supervisor, whoever requested it, the source case's care team now, and for crisis
   * referrals the unit's crisis staff; for anyone else the referral does not exist.
   */
  private SourceFacts requireReferrer(Actor actor, ReferralSources sources) {
    SourceFacts source = source(sources);
    Set<String> referrerAndTeam = new HashSet<>(source.team());
    referrerAndTeam.add(requestedBy);
    if (ScopePolicy.decide(actor, RecordFacts.referral(unit, referrerAndTeam, crisisId != null))
        .isEmpty()) {
      throw new RecordNotFound(
          "Referral " + referralId, new TargetRecord("REFERRAL", referralId, unit));
    }
    return source;
  }

  @EventSourcingHandler
  void on(ReferralRequested event) {
    referralId = event.referralId();
    unit = event.unit();
    intakeId = event.intakeId();
    crisisId = event.crisisId();
    providerId = event.providerId();
    serviceType = event.serviceType();
    urgency = event.urgency();
    disclosed = event.disclosedFields();
    requestedBy = event.requestedBy();
    status = ReferralStatus.REQUESTED;
  }

  @EventSourcingHandler
  void on(ConsentWaiverRequested event) {
    waiver = waiver.after(event);
    waiverAskedBy = event.requestedBy();
  }

  @EventSourcingHandler
  void on(ConsentOverrideRecorded event) {
    waiver = waiver.after(event);
  }

  @EventSourcingHandler
  void on(ConsentWaiverRefused event) {
    waiver = waiver.after(event);
  }

  @EventSourcingHandler
  void on(ReferralSent event) {
    sent = true;
    basis = event.basis();
    awaiting(ReferralStage.ACKNOWLEDGEMENT);
  }

  @EventSourcingHandler
  void on(ReferralReceived event) {
    status = ReferralStatus.RECEIVED;
    awaiting(ReferralStage.ACCEPTANCE);
  }

  @EventSourcingHandler
  void on(ReferralAccepted event) {
    status = ReferralStatus.ACCEPTED;
    providerAccessUntil = event.accessUntil();
    awaiting(ReferralStage.FEEDBACK);
  }

  @EventSourcingHandler
  void on(ReferralDeclined event) {
    finish(ReferralStatus.DECLINED);
  }

  @EventSourcingHandler
  void on(ReferralRedirected event) {
    providerId = event.toProvider();
    providerAccessUntil = null;
    sharingEnded = false;
    if (event.basis() != null) {
      basis = event.basis();
    }
    status = ReferralStatus.REQUESTED;
    awaiting(ReferralStage.ACKNOWLEDGEMENT);
  }

  @EventSourcingHandler
  void on(ProviderAccessEnded event) {
    sharingEnded = true;
    providerAccessUntil = null;
  }

  @EventSourcingHandler
  void on(AppointmentScheduled event) {
    status = ReferralStatus.SCHEDULED;
    if (event.feedbackBy() != null) {
      // The feedback stage starts again from the appointment: an earlier deadline is void.
      awaiting(ReferralStage.FEEDBACK);
    }
  }

  @EventSourcingHandler
  void on(AppointmentAttended event) {
    status = ReferralStatus.IN_PROGRESS;
  }

  @EventSourcingHandler
  void on(AppointmentMissed event) {
    status = ReferralStatus.MISSED;
    misses = event.misses();
  }

  @EventSourcingHandler
  void on(ReferralPutOnHold event) {
    status = ReferralStatus.ON_HOLD;
  }

  @EventSourcingHandler
  void on(ReferralResumed event) {
    status = ReferralStatus.IN_PROGRESS;
  }

  @EventSourcingHandler
  void on(ReferralCompleted event) {
    finish(ReferralStatus.COMPLETED);
  }

  @EventSourcingHandler
  void on(ReferralFailed event) {
    finish(ReferralStatus.FAILED);
  }

  @EventSourcingHandler
  void on(ReferralLoopClosed event) {
    finish(ReferralStatus.LOOP_CLOSED);
  }

  @EventSourcingHandler
  void on(ReferralCancelled event) {
    finish(ReferralStatus.CANCELLED);
  }

  @EventSourcingHandler
  void on(ReferralEnteredInError event) {
    finish(ReferralStatus.ENTERED_IN_ERROR);
  }

  private void awaiting(ReferralStage stage) {
    pendingStage = stage;
    stageStarts++;
  }

  private void finish(ReferralStatus finalStatus) {
    status = finalStatus;
    pendingStage = null;
  }
}
