package org.maplebridge.scope;

/** The parts of a person's record, as the domain's scope matrix names them. */
public enum Part {
  /** Name, birth date, phone, national ID, address. */
  IDENTITY,
  /** Screening answers, session notes, risk details, safety plan, clinical free text. */
  CLINICAL,
  /** Status, dates, risk level, assignments, referral states, deadlines. */
  CASE,
  /** Who did what and when, who viewed what and why. */
  AUDIT
}
