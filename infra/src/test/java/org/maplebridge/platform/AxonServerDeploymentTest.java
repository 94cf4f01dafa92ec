package org.maplebridge.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The compose deployment keeps Axon Server to the platforms: commands and queries carry the staff
 * member's identity in their metadata, so whoever reaches its gRPC port could act as anyone.
 * (Docker is not on the build machines; this reads the file.)
 */
class AxonServerDeploymentTest {

  @Test
  @SuppressWarnings("unchecked")
  void axonServerAsksForATokenSpeaksTlsAndPublishesItsGrpcPortToNoOne() throws IOException {
    Map<String, Object> compose = new Yaml().load(Files.readString(Path.of("deploy/compose.yaml")));
    Map<String, Object> services = (Map<String, Object>) compose.get("services");
    Map<String, Object> axon = (Map<String, Object>) services.get("axonserver");
    Map<String, Object> environment = (Map<String, Object>) axon.get("environment");
    assertThat(environment)
        .containsEntry("AXONIQ_AXONSERVER_ACCESSCONTROL_ENABLED", "true")
        .containsEntry("AXONIQ_AXONSERVER_SSL_ENABLED", "true")
        .containsKey("AXONIQ_AXONSERVER_ACCESSCONTROL_TOKEN");
    List<String> ports = (List<String>) axon.getOrDefault("ports", List.of());
    assertThat(ports).noneMatch(port -> port.contains("8124"));
    assertThat(ports).allMatch(port -> port.startsWith("127.0.0.1:"));

    for (String platform : List.of("platform-1", "platform-2")) {
      Map<String, Object> settings =
          (Map<String, Object>) ((Map<String, Object>) services.get(platform)).get("environment");
      assertThat(settings)
          .as(platform)
          .containsEntry("AXON_AXONSERVER_SSL_ENABLED", "true")
          .containsKey("AXON_AXONSERVER_TOKEN");
    }
  }
}
