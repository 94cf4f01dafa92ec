package org.maplebridge.events.crisis;

/** Who was called for an active rescue (120 ambulance, 110 police or the local equivalent). */
public enum EmergencyAgency {
  AMBULANCE,
  POLICE,
  OTHER
}
