package org.maplebridge.access;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** How long broken glass stays open ({@code maplebridge.emergency-access.duration}). */
@ConfigurationProperties("maplebridge.emergency-access")
record EmergencyAccessSettings(@DefaultValue("PT60M") Duration duration) {}
