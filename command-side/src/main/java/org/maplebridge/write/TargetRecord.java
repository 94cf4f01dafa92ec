package org.maplebridge.write;

import java.util.UUID;

/**
 * The record a refused command aimed at, as the access audit names it.
 *
 * @param type INTAKE, CRISIS, REFERRAL, EMERGENCY_ACCESS or CLIENT; null where no record could be
 *     placed
 * @param unit the record's unit; null where it is not known (no such record)
 */
public record TargetRecord(String type, UUID id, String unit) {}
