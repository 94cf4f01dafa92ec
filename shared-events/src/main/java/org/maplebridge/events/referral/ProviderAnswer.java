package org.maplebridge.events.referral;

import org.maplebridge.events.NotClinical;

/**
 * How a provider gave an answer: through its own channel (the event's {@code recordedBy} is then
 * the provider's staff member), or by phone, recorded by the referring service's staff with the
 * name of the provider's person they spoke to. An answer event without one was recorded before
 * channels were, by staff of the referring service.
 *
 * @param contactPerson the provider's person on the phone; null for the provider's own channels
 */
public record ProviderAnswer(AnswerChannel channel, @NotClinical String contactPerson) {

  /** Whether the provider answered in the platform itself, closing the loop electronically. */
  public boolean electronic() {
    return channel == AnswerChannel.PORTAL || channel == AnswerChannel.FHIR;
  }
}
