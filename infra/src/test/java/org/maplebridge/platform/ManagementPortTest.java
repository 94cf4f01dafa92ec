package org.maplebridge.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.maplebridge.Api;
import org.maplebridge.PlatformTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The actuator on a management port of its own, bound to 127.0.0.1 (README, "Security", for
 * Prometheus): the same rules hold there as on the public port.
 */
@TestPropertySource(
    properties = {"management.server.port=0", "management.server.address=127.0.0.1"})
class ManagementPortTest extends PlatformTest {
  @LocalManagementPort int management;

  @Test
  void detailsAndMetricsStayWithTheAdminOnTheManagementPort() {
    Api anonymous = Api.anonymousAt(management);
    assertThat(anonymous.get("/actuator/health").body()).doesNotContain("components");
    assertThat(anonymous.get("/actuator/prometheus").status()).isEqualTo(401);
    Api admin = Api.at(management, "admin", PASSWORD);
    assertThat(admin.get("/actuator/prometheus").body()).contains("jvm_memory_used_bytes");
    assertThat(admin.get("/actuator/health").body()).contains("eventProcessors");
  }
}
