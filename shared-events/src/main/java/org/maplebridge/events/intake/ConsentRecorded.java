package org.maplebridge.events.intake;

import java.util.UUID;

/**
 * The client (or a guardian) consented to {@code scope}. A consent to {@link
 * ConsentScope#REFERRAL_SHARING} names its recipient and purpose in {@code sharing}; events stored
 * before it did have none, and read as {@link SharingTerms#ANY_REFERRAL_RECIPIENT} ({@link
 * #sharingTerms()}).
 */
public record ConsentRecorded(
    UUID intakeId,
    ConsentScope scope,
    ConsentGiver givenBy,
    ConsentMethod method,
    String recordedBy,
    SharingTerms sharing)
    implements IntakeEvent {

  /** A consent that shares nothing (counselling, contact). */
  public ConsentRecorded(
      UUID intakeId,
      ConsentScope scope,
      ConsentGiver givenBy,
      ConsentMethod method,
      String recordedBy) {
    this(intakeId, scope, givenBy, method, recordedBy, null);
  }

  /** To whom and for what this consent lets the person's details go; null if it shares nothing. */
  public SharingTerms sharingTerms() {
    if (scope != ConsentScope.REFERRAL_SHARING) {
      return null;
    }
    return sharing == null ? SharingTerms.ANY_REFERRAL_RECIPIENT : sharing;
  }
}
