package org.maplebridge.scopes;

/**
 * Scopes on referrals, answered by the referral tracker, which projects who made each referral and
 * the care teams of the cases they come from.
 */
public interface ReferralScopes extends RecordScopes {}
