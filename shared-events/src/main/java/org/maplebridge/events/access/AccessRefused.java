package org.maplebridge.events.access;

import java.util.UUID;

/**
 * Someone was refused a look at a record or a change to it, for their scope or their role (answered
 * 404 or 403): who, what they attempted and which record of which unit. Not an aggregate's event:
 * published where the refusal happens, in a transaction of its own, since a refused command's own
 * work rolls back. (Refused looks used to be recorded as {@link RecordViewed} with refused=true.)
 *
 * @param attempted the query of a look (e.g. "FindIntakeHistory") or the command of a write (e.g.
 *     "AddSessionNote")
 * @param recordType INTAKE, CRISIS, REFERRAL, CLIENT or EMERGENCY_ACCESS; null where the attempt
 *     named no record the platform could place (an unknown id, or a role refused before the record
 *     was read)
 * @param recordUnit the record's unit; null where it is not known
 */
public record AccessRefused(
    UUID refusalId,
    String actor,
    String actorRole,
    String attempted,
    String recordType,
    UUID recordId,
    String recordUnit) {}
