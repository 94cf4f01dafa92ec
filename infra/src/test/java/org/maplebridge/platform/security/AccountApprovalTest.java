package org.maplebridge.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.maplebridge.Api;
import org.maplebridge.Api.Response;
import org.maplebridge.PlatformTest;

/**
 * The administrator alone cannot make someone who reads a unit's cases or keeps accounts: a new
 * SUPERVISOR, ADMIN or PRIVACY_OFFICER account waits for the privacy officer's approval. A member
 * the supervisor adds to a care team is shown to the counsellor and in the history.
 */
class AccountApprovalTest extends PlatformTest {

  private static String account(String username, String role, String unit, String password) {
    return "{\"username\":\""
        + username
        + "\",\"displayName\":\"New "
        + role
        + "\",\"role\":\""
        + role
        + "\","
        + (unit == null ? "" : "\"unit\":\"" + unit + "\",")
        + "\"password\":\""
        + password
        + "\"}";
  }

  @Test
  void aSupervisorTheAdminAddsCannotSignInUntilThePrivacyOfficerApprovesHim() {
    String password = "supervises-the-north";
    Api admin = as("admin");
    assertThat(
            admin
                .post("/api/admin/staff", account("sid", "SUPERVISOR", "north", password))
                .status())
        .isEqualTo(201);
    Api sid = Api.at(port, "sid", password);
    assertThat(sid.get("/api/caseload").status()).as("pending").isEqualTo(401);
    assertThat(sid.get("/api/audit/access").status()).isEqualTo(401);
    assertThat(as("pat").get("/admin/staff").body())
        .contains("data-username=\"sid\"")
        .contains("/api/admin/staff/sid/approval");

    assertThat(admin.post("/api/admin/staff/sid/approval", "").status())
        .as("the admin does not approve his own additions")
        .isEqualTo(403);
    assertThat(as("sam").post("/api/admin/staff/sid/approval", "").status()).isEqualTo(403);
    assertThat(as("pat").post("/api/admin/staff/nobody/approval", "").status()).isEqualTo(404);
    assertThat(as("pat").post("/api/admin/staff/sid/approval", "").status()).isEqualTo(204);
    assertThat(as("pat").post("/api/admin/staff/sid/approval", "").status()).isEqualTo(409);

    assertThat(sid.get("/api/caseload").status())
        .as("approved: now only his own password is missing")
        .isEqualTo(403);
    assertThat(
            sid.post(
                    "/api/me/password",
                    "{\"currentPassword\":\""
                        + password
                        + "\",\"newPassword\":\"his-own-words-now\"}")
                .status())
        .isEqualTo(204);
    assertThat(Api.at(port, "sid", "his-own-words-now").get("/api/caseload").status())
        .isEqualTo(200);
    assertThat(
            jdbc.sql(
                    "SELECT changed_by FROM staff_change WHERE subject = 'sid'"
                        + " AND change = 'account approved'")
                .query(String.class)
                .list())
        .containsExactly("pat");
    assertThat(as("admin").get("/admin/staff").body()).contains("sid").contains("pat");
  }

  @Test
  void administratorsAndPrivacyOfficersWaitTooCounsellorsDoNot() {
    Api admin = as("admin");
    assertThat(
            admin
                .post("/api/admin/staff", account("ada", "ADMIN", null, "second-administrator"))
                .status())
        .isEqualTo(201);
    assertThat(
            admin
                .post(
                    "/api/admin/staff",
                    account("priya", "PRIVACY_OFFICER", null, "second-privacy-officer"))
                .status())
        .as("a privacy officer has no unit, like the administrator")
        .isEqualTo(201);
    assertThat(
            admin
                .post(
                    "/api/admin/staff",
                    account("pete", "PRIVACY_OFFICER", "north", "third-privacy-officer"))
                .status())
        .isEqualTo(400);
    assertThat(
            admin
                .post(
                    "/api/admin/staff",
                    account("cole", "COUNSELLOR", "north", "counsels-in-the-north"))
                .status())
        .isEqualTo(201);

    assertThat(Api.at(port, "ada", "second-administrator").get("/api/admin/read-models").status())
        .isEqualTo(401);
    Api priya = Api.at(port, "priya", "second-privacy-officer");
    assertThat(priya.get("/api/emergency-access").status()).isEqualTo(401);
    assertThat(Api.at(port, "cole", "counsels-in-the-north").get("/api/caseload").status())
        .as("not waiting for anyone: only his own password to choose")
        .isEqualTo(403);

    assertThat(as("pat").post("/api/admin/staff/priya/approval", "").status()).isEqualTo(204);
    assertThat(priya.get("/api/emergency-access").status())
        .as("approved; her own password comes first")
        .isEqualTo(403);
  }

  @Test
  void aMemberTheSupervisorAddsToTheCareTeamIsShownToTheCounsellorAndInTheHistory() {
    Api alice = as("alice");
    // Not Li Wei: tests sharing this platform look for her in what bob sees.
    String intake = alice.post("/api/intakes", NEW_CLIENT_INTAKE.replace("Li Wei", "Tang Yu")).id();
    Response added =
        as("sam").post("/api/intakes/" + intake + "/care-team", "{\"member\":\"bob\"}");
    assertThat(added.status()).isEqualTo(204);

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              var line = findIn(alice.everyPage("/api/caseload"), "intakeId", intake);
              assertThat(line).isNotNull();
              assertThat(line.get("notices").toString())
                  .contains("CARE_TEAM_MEMBER_ADDED")
                  .contains("\"by\":\"sam\"")
                  .contains("\"detail\":\"bob\"");
            });
    assertThat(alice.get("/caseload").body()).contains("data-kind=\"CARE_TEAM_MEMBER_ADDED\"");
    assertThat(alice.get("/api/intakes/" + intake + "/history").body())
        .contains("CareTeamMemberAdded")
        .contains("sam");
  }
}
