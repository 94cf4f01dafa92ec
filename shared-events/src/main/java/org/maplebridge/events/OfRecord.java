package org.maplebridge.events;

import java.util.UUID;

/**
 * An event about one record (an intake, a crisis episode, a referral): its personal and clinical
 * fields are stored encrypted with that record's data key, so erasing the person is destroying the
 * keys of their records.
 */
public interface OfRecord {

  UUID recordId();
}
