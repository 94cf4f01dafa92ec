package org.maplebridge.events.client;

import java.time.LocalDate;
import org.maplebridge.events.PersonalData;

/** What identifies a client. Every part is personal data. */
public record ClientIdentity(
    @PersonalData String name,
    @PersonalData LocalDate birthDate,
    @PersonalData String phone,
    @PersonalData String nationalId,
    @PersonalData String address) {}
