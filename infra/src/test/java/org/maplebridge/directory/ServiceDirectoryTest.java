package org.maplebridge.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.maplebridge.Api;
import org.maplebridge.Api.Response;
import org.maplebridge.PlatformTest;

/** Admins keep the directory; everyone searches it by service type and area. */
class ServiceDirectoryTest extends PlatformTest {
  private static final String SHELTER =
      """
      {"organisation":"Lantern House","serviceName":"Emergency shelter","serviceTypes":["SHELTER"],
       "eligibility":"Women and children","languages":["zh-CN"],"area":"north","capacity":"LIMITED",
       "phone":"+86 10 6000 9999","website":"https://lantern.example"}""";

  @Test
  void anAdministratorAddsAProviderThatStaffThenFind() {
    Response added = as("admin").post("/api/providers", SHELTER);
    assertThat(added.status()).isEqualTo(201);
    Api alice = as("alice").with("X-Consistency-Token", added.header("X-Consistency-Token"));

    JsonNode found = alice.get("/api/providers?serviceType=SHELTER&area=North").json();
    assertThat(found.toString()).contains("Lantern House");
    assertThat(alice.get("/api/providers?serviceType=SHELTER&area=south").json()).isEmpty();
    assertThat(
            alice
                .get("/api/providers/" + added.id())
                .json()
                .get("details")
                .get("capacity")
                .asText())
        .isEqualTo("LIMITED");
  }

  @Test
  void staffOtherThanAdministratorsCannotChangeTheDirectory() {
    assertThat(as("alice").post("/api/providers", SHELTER).status()).isEqualTo(403);
    assertThat(as("sam").post("/api/providers", SHELTER).status()).isEqualTo(403);
  }

  @Test
  void badEntriesAreRefused() {
    assertThat(as("admin").post("/api/providers", SHELTER.replace("[\"SHELTER\"]", "[]")).status())
        .isEqualTo(400);
    assertThat(as("admin").post("/api/providers", SHELTER.replace("SHELTER", "SPA")).status())
        .isEqualTo(400);
    assertThat(
            as("admin").post("/api/providers", SHELTER.replace("https://", "javascript:")).status())
        .isEqualTo(400);
  }

  @Test
  void demoModeComesWithProviders() {
    JsonNode socialWork =
        as("alice").get("/api/providers?serviceType=SOCIAL_WORK&area=north").json();
    assertThat(socialWork.toString()).contains("Maple Street Social Work Station");
    assertThat(as("alice").get("/api/providers").json().size()).isGreaterThanOrEqualTo(5);
  }
}
