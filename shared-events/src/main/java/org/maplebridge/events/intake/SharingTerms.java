package org.maplebridge.events.intake;

import java.util.UUID;
import org.maplebridge.events.directory.ServiceType;

/**
 * To whom and for what a consent to share for referral lets the person's details go: a kind of
 * recipient (a service type), or one provider, or any recipient when both are absent; and the
 * purpose.
 *
 * @param recipientKind the kind of service that may receive them; null: any kind
 * @param recipientProvider the one provider that may receive them; null: any provider of the kind
 * @param purpose what they may be shared for
 */
public record SharingTerms(
    ServiceType recipientKind, UUID recipientProvider, SharingPurpose purpose) {

  /**
   * What a consent to share recorded before recipients and purposes were named allows: consent to
   * "sharing for referral" named no recipient, so it reads as it was given, any recipient of a
   * referral, for the referral.
   */
  public static final SharingTerms ANY_REFERRAL_RECIPIENT =
      new SharingTerms(null, null, SharingPurpose.REFERRAL);

  /**
   * Whether sharing with {@code provider}, offering {@code service}, for {@code why} is covered.
   */
  public boolean covers(UUID provider, ServiceType service, SharingPurpose why) {
    return purpose == why
        && (recipientKind == null || recipientKind == service)
        && (recipientProvider == null || recipientProvider.equals(provider));
  }
}
