package org.maplebridge.events.privacy;

import java.util.UUID;

/**
 * What the privacy officer does to a person's records as a whole: legal holds and erasure. The
 * person is a client ({@code personId} is the client id) or an anonymous crisis caller (the
 * episode's id). These events carry no personal data: they outlive the person's erasure in plain.
 */
public sealed interface PrivacyEvent permits LegalHoldPlaced, LegalHoldLifted, PersonErased {

  UUID personId();
}
