package org.maplebridge.events.crisis;

import java.util.UUID;
import org.maplebridge.events.NotClinical;
import org.maplebridge.events.PersonalData;

/**
 * Where the crisis staff can reach the person and send help: a number to call back, where the
 * person is in their own words, and optionally the area (district, street or grid) it lies in. Each
 * recording replaces the last: people move, phones die.
 */
public record WhereaboutsRecorded(
    UUID crisisId,
    @PersonalData String callbackNumber,
    @PersonalData String location,
    @NotClinical String area,
    String recordedBy)
    implements CrisisEvent {}
