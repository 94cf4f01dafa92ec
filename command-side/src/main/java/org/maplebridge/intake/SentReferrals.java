package org.maplebridge.intake;

import java.util.UUID;

/** Whether a case has a referral that actually went out (not cancelled or entered in error). */
public interface SentReferrals {

  boolean anySentFor(UUID intakeId);
}
