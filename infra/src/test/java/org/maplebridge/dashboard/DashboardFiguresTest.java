package org.maplebridge.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.maplebridge.Api;
import org.maplebridge.Api.Response;
import org.maplebridge.PlatformTest;

/**
 * The unit dashboard's figures come from its own projection of the intake, crisis and referral
 * events (it reads no other read model's table): a unit of its own, so every figure is exact.
 */
class DashboardFiguresTest extends PlatformTest {
  private String supervisor;
  private String counsellor;
  private String crisisWorker;

  @BeforeEach
  void aUnitOfItsOwn() {
    String unit = "figures-" + UUID.randomUUID().toString().substring(0, 8);
    supervisor = unit + "-sup";
    counsellor = unit + "-couns";
    crisisWorker = unit + "-crisis";
    Api admin = as("admin");
    assertThat(
            admin
                .post("/api/admin/units", "{\"id\":\"" + unit + "\",\"name\":\"Figures\"}")
                .status())
        .isEqualTo(201);
    addStaff(supervisor, "SUPERVISOR", unit, PASSWORD + "-figures");
    addStaff(counsellor, "COUNSELLOR", unit, PASSWORD + "-figures");
    addStaff(crisisWorker, "CRISIS_WORKER", unit, PASSWORD + "-figures");
  }

  @Override
  protected Api as(String username) {
    return username.startsWith("figures-")
        ? Api.at(port, username, PASSWORD + "-figures")
        : super.as(username);
  }

  @Test
  void theFiguresCountTheUnitsOwnCasesCrisesAndReferrals() {
    Api counselling = as(counsellor);
    Api hotline = as(crisisWorker);
    String open = counselling.post("/api/intakes", NEW_CLIENT_INTAKE).id();
    String closed = counselling.post("/api/intakes", NEW_CLIENT_INTAKE).id();
    assertThat(
            counselling
                .post(
                    "/api/intakes/" + closed + "/closure",
                    "{\"reason\":\"GOALS_MET\",\"summary\":\"Done\"}")
                .status())
        .isLessThan(300);
    Response referred =
        counselling.post(
            "/api/referrals",
            """
            {"intakeId":"%s","serviceType":"SOCIAL_WORK","providerId":"%s","urgency":"ROUTINE",
             "reason":"Family support","disclosedFields":["NAME"]}"""
                .formatted(open, providerOffering("SOCIAL_WORK")));
    assertThat(referred.status()).as(referred.toString()).isEqualTo(201);

    String high =
        hotline
            .post("/api/crises", "{\"channel\":\"HOTLINE\",\"caller\":\"SELF\",\"summary\":\"x\"}")
            .id();
    hotline.post("/api/crises", "{\"channel\":\"CHAT\",\"caller\":\"SELF\",\"summary\":\"y\"}");
    hotline.post("/api/crises/" + high + "/risk-assessments", "{\"level\":\"HIGH\"}");
    String escalation =
        hotline.post("/api/crises/" + high + "/escalations", "{\"reason\":\"Worried\"}").id();
    Response acknowledged =
        hotline.post("/api/crises/" + high + "/escalations/" + escalation + "/acknowledgement", "");
    assertThat(acknowledged.status()).isEqualTo(204);

    Api reading =
        as(supervisor).with("X-Consistency-Token", acknowledged.header("X-Consistency-Token"));
    JsonNode figures = reading.get("/api/dashboard").json();
    assertThat(figures.get("openCases").asLong()).isEqualTo(1);
    assertThat(figures.get("crisesByRisk").toString()).isEqualTo("{\"HIGH\":1,\"UNASSESSED\":1}");
    JsonNode escalations = figures.get("escalations");
    assertThat(escalations.get("raised").asLong()).isEqualTo(1);
    assertThat(escalations.get("acknowledgedInTime").asLong()).isEqualTo(1);
    assertThat(escalations.get("missed").asLong()).isZero();
    assertThat(figures.get("referralsByState").toString()).isEqualTo("{\"REQUESTED\":1}");
    assertThat(figures.get("overdue").get("followUps").asLong()).isZero();
    assertThat(figures.get("overdue").get("unacknowledgedEscalations").asLong()).isZero();

    JsonNode elderly = reading.get("/api/dashboard?populationGroup=ELDERLY_LIVING_ALONE").json();
    assertThat(elderly.get("openCases").asLong()).as("the population group filters cases").isZero();
    assertThat(elderly.get("referralsByState").size()).as("and referrals from cases").isZero();
    assertThat(
            reading.get("/api/dashboard?populationGroup=STUDENT").json().get("openCases").asLong())
        .isEqualTo(1);
  }
}
