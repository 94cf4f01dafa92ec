package org.maplebridge.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.maplebridge.Api;
import org.maplebridge.Api.Response;
import org.maplebridge.PlatformTest;

/** The administrator imports the service directory from HSDS 3.0 JSON: dry run first. */
class HsdsImportTest extends PlatformTest {
  private final String clinic = UUID.randomUUID().toString();
  private final String peers = UUID.randomUUID().toString();

  private String file(String peersArea) {
    return """
        [{"id":"%s","name":"Lakeside Health Trust","services":[
          {"id":"%s","name":"Memory and mood clinic","description":"Assessments",
           "eligibility_description":"Adults","languages":[{"code":"zh-CN"},{"code":"en"}],
           "service_areas":[{"name":"north"}],"phones":[{"number":"+86 10 6000 9001"}],
           "attributes":[{"taxonomy_term":{"code":"psychiatric-assessment","term":"Psychiatric assessment"}}]},
          {"id":"%s","name":"Peer support circle",
           "service_areas":[%s],
           "attributes":[{"taxonomy_term":{"code":"peer-support","term":"Peer support"}},
                         {"taxonomy_term":{"code":"social-work","term":"Social work"}}]}]}]
        """
        .formatted(UUID.randomUUID(), clinic, peers, peersArea);
  }

  private static java.util.List<String> ids(JsonNode report, String field) {
    java.util.List<String> ids = new java.util.ArrayList<>();
    report.get(field).forEach(id -> ids.add(id.asText()));
    return ids;
  }

  @Test
  void aDryRunReportsAnImportAppliesItOnceAndABadFileChangesNothing() {
    Api admin = as("admin");
    String good = file("{\"name\":\"north\"}");

    Response bad = admin.post("/api/admin/directory/hsds?dryRun=false", file(""));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("problems").toString()).contains(peers, "service area");
    assertThat(admin.get("/api/providers/" + clinic).status())
        .as("a bad file changes nothing, not even its good entries")
        .isEqualTo(404);

    Response dry = admin.post("/api/admin/directory/hsds", good);
    assertThat(dry.status()).as(dry.body()).isEqualTo(200);
    assertThat(ids(dry.json(), "created")).containsExactlyInAnyOrder(clinic, peers);
    assertThat(dry.json().get("unmappedTaxonomyTerms").toString()).contains("Peer support");
    assertThat(admin.get("/api/providers/" + clinic).status()).isEqualTo(404);

    Response done = admin.post("/api/admin/directory/hsds?dryRun=false", good);
    assertThat(ids(done.json(), "created")).containsExactlyInAnyOrder(clinic, peers);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> admin.get("/api/providers/" + clinic).status() == 200);
    JsonNode entry = admin.get("/api/providers/" + clinic).json().get("details");
    assertThat(entry.get("organisation").asText()).isEqualTo("Lakeside Health Trust");
    assertThat(entry.get("serviceTypes").toString()).contains("PSYCHIATRIC_ASSESSMENT");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> admin.get("/api/providers/" + peers).status() == 200);
    JsonNode peerEntry = admin.get("/api/providers/" + peers).json().get("details");
    assertThat(peerEntry.get("serviceTypes").toString()).contains("SOCIAL_WORK");
    assertThat(peerEntry.get("otherTaxonomyTerms").toString())
        .as("an unmapped term is kept on the entry, not only reported")
        .contains("\"code\":\"peer-support\"", "\"term\":\"Peer support\"");
    JsonNode exportedPeers = null;
    Response exported = admin.get("/api/directory/hsds");
    for (JsonNode organization : exported.json().get("organizations")) {
      for (JsonNode candidate : organization.get("services")) {
        if (candidate.get("id").asText().equals(peers)) {
          exportedPeers = candidate;
        }
      }
    }
    assertThat(exportedPeers).as(exported.body()).isNotNull();
    assertThat(exportedPeers.get("attributes").toString())
        .as("the export writes the kept term back")
        .contains("\"code\":\"peer-support\"", "\"code\":\"SOCIAL_WORK\"");
    Response roundTrip = admin.post("/api/admin/directory/hsds", exported.body());
    assertThat(roundTrip.status()).as(roundTrip.body()).isEqualTo(200);
    assertThat(ids(roundTrip.json(), "unchanged")).contains(clinic, peers);
    assertThat(ids(roundTrip.json(), "updated")).doesNotContain(clinic, peers);

    Response again = admin.post("/api/admin/directory/hsds?dryRun=false", good);
    assertThat(ids(again.json(), "unchanged")).containsExactlyInAnyOrder(clinic, peers);
    assertThat(ids(again.json(), "created")).isEmpty();
    assertThat(as("alice").post("/api/admin/directory/hsds", good).status()).isEqualTo(403);
    Response edited =
        admin.put(
            "/api/providers/" + peers,
            """
            {"organisation":"Peer Trust","serviceName":"Peer support circle",
             "serviceTypes":["SOCIAL_WORK"],"area":"north","capacity":"LIMITED"}""");
    assertThat(edited.status()).as(edited.body()).isEqualTo(204);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                admin
                    .get("/api/providers/" + peers)
                    .json()
                    .get("details")
                    .get("capacity")
                    .asText()
                    .equals("LIMITED"));
    assertThat(admin.get("/api/providers/" + peers).json().get("details").get("otherTaxonomyTerms"))
        .as("an edit in the directory's form keeps the terms the import kept")
        .hasSize(1);

    Response twoLines =
        admin.post(
            "/api/admin/directory/hsds", good.replace("Peer support circle", "Peer\\nsupport"));
    assertThat(twoLines.status()).isEqualTo(400);
    assertThat(twoLines.json().get("problems").toString()).contains("single lines");
  }

  @Test
  void theDirectoryExportsAsHsdsThatImportsBackWithoutAChange() {
    Api admin = as("admin");
    Response registered =
        admin.post(
            "/api/providers",
            """
            {"organisation":"Willow Bank Family Services","serviceName":"Family counselling",
             "description":"Counselling for families","serviceTypes":["OUTPATIENT_COUNSELLING",
             "SOCIAL_WORK"],"eligibility":"Families of the district","languages":["zh-CN","en"],
             "area":"south","capacity":"LIMITED","phone":"+86 10 6000 3300",
             "address":"8 River Lane","website":"https://riverside.example"}""");
    assertThat(registered.status()).as(registered.body()).isEqualTo(201);
    String id = registered.id();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> admin.get("/api/providers/" + id).status() == 200);

    Response exported = as("alice").get("/api/directory/hsds");
    assertThat(exported.status()).isEqualTo(200);
    JsonNode service = null;
    for (JsonNode organization : exported.json().get("organizations")) {
      for (JsonNode candidate : organization.get("services")) {
        if (candidate.get("id").asText().equals(id)) {
          assertThat(organization.get("name").asText()).isEqualTo("Willow Bank Family Services");
          service = candidate;
        }
      }
    }
    assertThat(service).as(exported.body()).isNotNull();
    assertThat(service.get("service_areas").get(0).get("name").asText()).isEqualTo("south");
    assertThat(service.get("attributes").toString())
        .contains("\"code\":\"OUTPATIENT_COUNSELLING\"", "\"code\":\"SOCIAL_WORK\"");
    assertThat(service.get("service_at_locations").toString()).contains("8 River Lane");
    assertThat(service.get("languages").toString()).contains("zh-CN");

    Response reimported = admin.post("/api/admin/directory/hsds", exported.body());
    assertThat(reimported.status()).as(reimported.body()).isEqualTo(200);
    assertThat(ids(reimported.json(), "unchanged")).contains(id);
    assertThat(ids(reimported.json(), "created")).isEmpty();
    assertThat(ids(reimported.json(), "updated")).isEmpty();
    assertThat(reimported.json().get("unmappedTaxonomyTerms")).isEmpty();
  }
}
