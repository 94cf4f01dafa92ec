package org.maplebridge.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.maplebridge.Api;
import org.maplebridge.Api.Response;
import org.maplebridge.PlatformTest;

/**
 * Staff find a returning person among their own unit's clients, by client reference or by phone and
 * birth year, instead of starting a new client: masked, never another unit's, never an erased
 * person, and every lookup (a refused one too) in the access audit.
 */
class ClientLookupTest extends PlatformTest {

  /** A client of the north unit, opened by alice: its id and reference. */
  private record Known(String intake, String clientId, String reference) {}

  private Known opened(String name, String birthDate, String phone) {
    Api alice = as("alice");
    Response opened =
        alice.post(
            "/api/intakes",
            """
            {"client":{"name":"%s","birthDate":"%s","phone":"%s"},
             "source":"WALK_IN","concern":"Back after a hard winter","urgency":"SOON"}
            """
                .formatted(name, birthDate, phone));
    assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
    JsonNode intake =
        alice
            .with("X-Consistency-Token", opened.header("X-Consistency-Token"))
            .get("/api/intakes/" + opened.id())
            .json();
    return new Known(
        opened.id(), intake.get("clientId").asText(), intake.get("clientReference").asText());
  }

  private static List<String> references(Response answer) {
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    List<String> references = new ArrayList<>();
    answer.json().get("items").forEach(item -> references.add(item.get("reference").asText()));
    return references;
  }

  @Test
  void theUnitsStaffFindAReturningPersonByReferenceOrByPhoneAndBirthYearMasked() {
    Known shen = opened("Shen Yuqing", "1987-05-06", "139-2211-7788");

    Response byReference = as("alice").get("/api/clients?reference=" + shen.reference());
    assertThat(references(byReference)).containsExactly(shen.reference());
    JsonNode match = byReference.json().get("items").get(0);
    assertThat(match.get("name").asText()).isEqualTo("S.Y.");
    assertThat(match.get("birthYear").asInt()).isEqualTo(1987);
    assertThat(match.get("openCases").asInt()).isEqualTo(1);
    assertThat(match.get("openEpisodes").asInt()).isZero();
    assertThat(match.get("masked").asBoolean()).isTrue();
    assertThat(byReference.body())
        .doesNotContain("Shen", "Yuqing", "2211", "1987-05-06", shen.clientId());

    assertThat(references(as("carol").get("/api/clients?phone=13922117788&birthYear=1987")))
        .as("the phone is matched by its digits")
        .containsExactly(shen.reference());
    assertThat(references(as("sam").get("/api/clients?phone=139%202211%207788&birthYear=1987")))
        .containsExactly(shen.reference());
    assertThat(references(as("bob").get("/api/clients?phone=13922117788&birthYear=1988")))
        .as("another birth year is another person")
        .isEmpty();

    assertThat(references(as("dave").get("/api/clients?reference=" + shen.reference())))
        .as("another unit's client is found by nobody there")
        .isEmpty();
    assertThat(references(as("erin").get("/api/clients?phone=13922117788&birthYear=1987")))
        .isEmpty();
    assertThat(as("admin").get("/api/clients?reference=" + shen.reference()).status())
        .isEqualTo(403);
    assertThat(as("pat").get("/api/clients?reference=" + shen.reference()).status()).isEqualTo(403);
  }

  @Test
  void aLookupThatAsksForNothingOrWronglyIsABadRequest() {
    for (String query :
        List.of(
            "",
            "?reference=Shen",
            "?phone=13922117788",
            "?birthYear=1987",
            "?phone=139&birthYear=1987",
            "?phone=13922117788&birthYear=1899",
            "?phone=13922117788&birthYear=" + (java.time.Year.now().getValue() + 1),
            "?phone=13922117788&birthYear=eighty",
            "?reference=C-2026-000001&phone=13922117788&birthYear=1987")) {
      Response answer = as("alice").get("/api/clients" + query);
      assertThat(answer.status()).as(query).isEqualTo(400);
      assertThat(answer.header("Content-Type")).as(query).contains("application/problem+json");
    }
  }

  @Test
  void everyLookupIsInTheAccessAuditWithItsPurposeRefusedOnesToo() {
    Instant start = Instant.now().minusSeconds(1);
    Known lin = opened("Lin Qiaoyu", "1992-11-30", "136 4433 2211");
    assertThat(references(as("carol").get("/api/clients?reference=" + lin.reference())))
        .containsExactly(lin.reference());
    assertThat(references(as("bob").get("/api/clients?phone=10000000001&birthYear=1950")))
        .isEmpty();
    assertThat(as("admin").get("/api/clients?reference=" + lin.reference()).status())
        .isEqualTo(403);

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              JsonNode looks =
                  as("sam").get("/api/audit/access?recordId=" + lin.clientId()).json().get("items");
              assertThat(looks).hasSize(1);
              JsonNode look = looks.get(0);
              assertThat(look.get("viewer").asText()).isEqualTo("carol");
              assertThat(look.get("recordType").asText()).isEqualTo("CLIENT");
              assertThat(look.get("purpose").asText()).isEqualTo("LOOKUP");
              assertThat(look.get("scope").asText()).isEqualTo("case,masked-identity");

              List<String> bobs = new ArrayList<>();
              for (JsonNode entry :
                  as("sam").everyPage("/api/audit/access?viewer=bob&from=" + start)) {
                bobs.add(entry.get("recordType").asText() + " " + entry.get("purpose").asText());
              }
              assertThat(bobs)
                  .as("a lookup that found nobody is a look too")
                  .contains("CLIENT_LOOKUP LOOKUP");

              List<String> admins = new ArrayList<>();
              for (JsonNode entry :
                  as("pat").everyPage("/api/audit/access?viewer=admin&from=" + start)) {
                admins.add(
                    entry.get("recordType").asText()
                        + " "
                        + entry.get("attempted").asText()
                        + " "
                        + entry.get("refused").asBoolean());
              }
              assertThat(admins).contains("CLIENT_LOOKUP FindClients true");
            });
  }

  @Test
  void anErasedPersonIsNeverFound() {
    Known gu = opened("Gu Xiaofan", "1979-02-14", "137-5555-1212");
    assertThat(references(as("alice").get("/api/clients?phone=13755551212&birthYear=1979")))
        .containsExactly(gu.reference());

    Response erased =
        as("pat")
            .post(
                "/api/privacy/people/" + gu.clientId() + "/erasure",
                "{\"reason\":\"Asked to be forgotten\",\"requestReference\":\"LOOKUP-1\"}");
    assertThat(erased.status()).as(erased.toString()).isEqualTo(204);

    Api alice = as("alice").with("X-Consistency-Token", erased.header("X-Consistency-Token"));
    assertThat(references(alice.get("/api/clients?phone=13755551212&birthYear=1979"))).isEmpty();
    assertThat(references(alice.get("/api/clients?reference=" + gu.reference()))).isEmpty();
  }
}
