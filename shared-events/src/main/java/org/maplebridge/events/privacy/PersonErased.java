package org.maplebridge.events.privacy;

import java.util.List;
import java.util.UUID;
import org.maplebridge.events.NotClinical;

/**
 * The person was erased: the data keys of {@code records} (their cases, crisis episodes and
 * referrals) were destroyed with this event, so every personal and clinical field of those records
 * reads as erased from now on, in every copy of every event. Who erased whom, why and when stays;
 * the reason and the request's reference name the matter, never the person.
 */
public record PersonErased(
    UUID personId,
    List<UUID> records,
    ErasureBasis basis,
    @NotClinical String reason,
    @NotClinical String requestReference,
    String erasedBy)
    implements PrivacyEvent {}
