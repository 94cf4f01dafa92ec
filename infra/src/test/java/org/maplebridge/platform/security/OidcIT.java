package org.maplebridge.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.maplebridge.Api;
import org.maplebridge.Api.Response;
import org.maplebridge.PlatformTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The platform as an OAuth2 resource server for a real Keycloak: staff sign in there, and their
 * role and unit travel in the token; the built-in accounts keep working beside it.
 */
class OidcIT extends PlatformTest {
  private static final String PASSWORD = "oidc-test";
  private static Keycloak keycloak;

  @DynamicPropertySource
  static void oidc(DynamicPropertyRegistry registry) throws Exception {
    keycloak = Keycloak.start();
    registry.add("maplebridge.security.oidc.issuer-uri", keycloak::issuer);
  }

  @AfterAll
  static void stopKeycloak() throws Exception {
    if (keycloak != null) {
      keycloak.close();
    }
  }

  private Api bearer(String client, String username) throws Exception {
    return Api.anonymousAt(port)
        .with("Authorization", "Bearer " + keycloak.token(client, username, PASSWORD));
  }

  @Test
  void staffSignedInAtKeycloakWorkWithinTheirRoleAndUnit() throws Exception {
    Api nina = bearer("maplebridge-cli", "nina");
    Response opened = nina.post("/api/intakes", NEW_CLIENT_INTAKE);
    assertThat(opened.status()).as(opened.body()).isEqualTo(201);
    String id = opened.id();
    String token = opened.header("X-Consistency-Token");

    JsonNode own = nina.with("X-Consistency-Token", token).get("/api/intakes/" + id).json();
    assertThat(own.toString()).contains("Li Wei");
    assertThat(findIn(nina.everyPage("/api/caseload"), "intakeId", id)).isNotNull();

    Response supervisor = bearer("maplebridge-cli", "oscar").get("/api/intakes/" + id);
    assertThat(supervisor.status()).isEqualTo(200);
    assertThat(supervisor.body()).doesNotContain("Li Wei");

    assertThat(bearer("maplebridge-cli", "quinn").get("/api/intakes/" + id).status())
        .as("a counsellor of another unit")
        .isEqualTo(404);
    assertThat(as("bob").get("/api/intakes/" + id).status())
        .as("a built-in counsellor of the same unit, not on the case")
        .isEqualTo(404);

    String alices = as("alice").post("/api/intakes", NEW_CLIENT_INTAKE).id();
    as("alice")
        .post(
            "/api/intakes/" + alices + "/consents",
            "{\"scope\":\"COUNSELLING\",\"givenBy\":\"CLIENT\",\"method\":\"VERBAL\"}");
    Response assigned =
        as("sam").post("/api/intakes/" + alices + "/assignment", "{\"counsellor\":\"nina\"}");
    assertThat(assigned.status()).as("the directory knows nina from her token").isEqualTo(204);
    assertThat(
            nina.with("X-Consistency-Token", assigned.header("X-Consistency-Token"))
                .get("/api/intakes/" + alices)
                .status())
        .isEqualTo(200);
  }

  @Test
  void staffAreKnownByTheirSubjectSoRenamingAtTheProviderChangesNothingHere() throws Exception {
    Api wendy = bearer("maplebridge-cli", "wendy");
    Response opened = wendy.post("/api/intakes", NEW_CLIENT_INTAKE);
    assertThat(opened.status()).as(opened.body()).isEqualTo(201);
    String subject =
        jdbc.sql("SELECT oidc_subject FROM staff_account WHERE username = 'wendy'")
            .query(String.class)
            .single();
    assertThat(subject).as("the provider's subject is kept").isNotBlank();

    keycloak.rename("wendy", "bob");
    Api renamed = bearer("maplebridge-cli", "bob");
    Response ownCase =
        renamed
            .with("X-Consistency-Token", opened.header("X-Consistency-Token"))
            .get("/api/intakes/" + opened.id());
    assertThat(ownCase.status())
        .as("still wendy here, with her own case, not the built-in bob")
        .isEqualTo(200);
    assertThat(ownCase.json().get("careTeam").toString()).contains("wendy");
  }

  @Test
  void switchedOffSingleSignOnStaffAreRefusedDespiteAValidToken() throws Exception {
    Api oscar = bearer("maplebridge-cli", "oscar");
    assertThat(oscar.get("/api/caseload").status()).isEqualTo(200);
    assertThat(as("admin").post("/api/admin/staff/oscar/enabled", "{\"enabled\":false}").status())
        .isEqualTo(204);
    assertThat(oscar.get("/api/caseload").status()).isEqualTo(401);
    as("admin").post("/api/admin/staff/oscar/enabled", "{\"enabled\":true}");
  }

  @Test
  void tokensNotMeantForThePlatformOrWithoutARoleOrForgedAreRefused() throws Exception {
    assertThat(bearer("other-app", "nina").get("/api/caseload").status())
        .as("wrong audience")
        .isEqualTo(401);
    assertThat(bearer("maplebridge-cli", "victor").get("/api/caseload").status())
        .as("no MapleBridge role")
        .isEqualTo(401);
    assertThat(bearer("maplebridge-cli", "rita").get("/api/caseload").status())
        .as("a realm-wide role is not the platform's client role")
        .isEqualTo(401);
    assertThat(bearer("maplebridge-cli", "system").get("/api/caseload").status())
        .as("the platform's own name is reserved")
        .isEqualTo(401);
    assertThat(bearer("maplebridge-cli", "alice").get("/api/caseload").status())
        .as("a built-in account already holds the username")
        .isEqualTo(401);
    String token = keycloak.token("maplebridge-cli", "nina", PASSWORD);
    String forged = token.substring(0, token.length() - 4) + "AAAA";
    Response refused =
        Api.anonymousAt(port).with("Authorization", "Bearer " + forged).get("/api/caseload");
    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.header("Content-Type")).contains("problem+json");
    assertThat(as("alice").get("/api/caseload").status())
        .as("built-in accounts keep working")
        .isEqualTo(200);
  }
}
