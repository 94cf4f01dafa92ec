package org.maplebridge.audit;

import java.time.Duration;

/**
 * A person who breaks the glass {@code grants} times or more within {@code within} is flagged to
 * the privacy officer: hourly re-grants would otherwise add up to permanent access. Emergency
 * access is never refused for it; the flag asks for a look.
 */
record RepeatedEmergencyAccess(int grants, Duration within) {
  static final RepeatedEmergencyAccess RULE = new RepeatedEmergencyAccess(3, Duration.ofDays(7));
}
