package org.maplebridge.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.maplebridge.Api;
import org.maplebridge.Api.Response;
import org.maplebridge.PlatformTest;

/**
 * Every endpoint of the OpenAPI document, called by every demo user on records of the north unit:
 * the answer each user gets, and what of the person it shows. Seen from the records, alice is the
 * counsellor on the case (own), bob a counsellor of the same unit, carol the crisis worker on the
 * episode (own), sam the unit's supervisor (the on-call supervisor paged on the episode, so he sees
 * it for the consult), dave and erin staff of another unit, admin the administrator, pat the
 * privacy officer (the audit of every unit, no person's content), percy a supervisor of the unit
 * whose account waits for the privacy officer's approval (401 everywhere), pia staff of the
 * provider the referral goes to (which reaches her once sent, and no longer once it is in a final
 * state), paul staff of another provider.
 *
 * <p>Outcomes: {@code F} 200 showing identity and clinical content; {@code M} 200 with identity
 * masked and no clinical content; {@code C} 200 without identity or clinical content; {@code 200}
 * an answer with no content of the person in it; {@code ok} a write let through (2xx, or 409 when
 * the record's state forbids it now; under {@code /fhir} that is a 422); {@code 403} not for this
 * role; {@code 404} not in this user's reach; {@code 401} not signed in. A referral letter's PDF is
 * compressed, so this matrix sees nothing of the person in it ({@code --}); what it shows is tested
 * where its text is extracted. A refused write stores nothing. No 500 anywhere. {@code skip}: not
 * called here, because rebuilding every read model would disturb the tests sharing this platform
 * (the replay test covers it). An endpoint followed by {@code #case} is the same endpoint called
 * with another kind of body.
 */
class AuthorizationMatrixTest extends PlatformTest {
  private static final List<String> STAFF =
      List.of(
          "alice", "bob", "carol", "sam", "dave", "erin", "admin", "pat", "percy", "pia", "paul");

  /** A supervisor the administrator added, not yet approved by the privacy officer. */
  private static final String PENDING = "percy";

  private static final String PENDING_PASSWORD = "waiting-for-the-officer";

  /** The lists, which come in pages. */
  private static final Set<String> LISTS =
      Set.of("/api/caseload", "/api/referrals", "/api/audit/access", "/api/clients/duplicates");

  /** Not a request-and-answer endpoint: the live board's event stream (tested in the journey). */
  private static final Set<String> NOT_IN_MATRIX = Set.of("GET /api/crisis-board/stream");

  private static final String MATRIX =
      """
      endpoint                                                           | alice | bob | carol | sam | dave | erin | admin | pat | percy | pia | paul
      GET    /api/caseload                                               | I-    | --  | --    | m-  | --   | --   | 403   | 403 | 401   | 403 | 403
      GET    /api/intakes/{id}                                           | IK    | 404 | 404   | m-  | 404  | 404  | 404   | 404 | 401   | 404 | 404
      GET    /api/intakes/{id}/history                                   | IK    | 404 | 404   | --  | 404  | 404  | 404   | 404 | 401   | 404 | 404
      GET    /api/crisis-board                                           | 403   | 403 | --    | --  | 403  | --   | 403   | 403 | 401   | 403 | 403
      GET    /api/crises/{id}                                            | 404   | 404 | -K    | -K  | 404  | 404  | 404   | 404 | 401   | 404 | 404
      GET    /api/crises/{id}/history                                    | 404   | 404 | -K    | -K  | 404  | 404  | 404   | 404 | 401   | 404 | 404
      GET    /api/crises/{id}/safety-plan/versions                       | 404   | 404 | -K    | -K  | 404  | 404  | 404   | 404 | 401   | 404 | 404
      GET    /api/clients/{id}/risk-alert                                | 403   | 403 | -K    | --  | 403  | 404  | 403   | 403 | 401   | 403 | 403
      GET    /api/clients                                                | m-    | m-  | m-    | m-  | --   | --   | 403   | 403 | 401   | 403 | 403
      GET    /api/clients/duplicates                                     | 403   | 403 | 403   | m-  | 403  | 403  | 403   | 403 | 401   | 403 | 403
      POST   /api/clients/{reference}/merge                              | 403   | 403 | 403   | ok  | 403  | 403  | 403   | 403 | 401   | 403 | 403
      GET    /api/referrals                                              | -K    | --  | --    | --  | --   | --   | 403   | 403 | 401   | mK  | --
      GET    /api/referrals/{id}                                         | -K    | 404 | 404   | --  | 404  | 404  | 404   | 404 | 401   | mK  | 404
      GET    /api/referrals/{id}/audit                                   | 403   | 403 | 403   | --  | 403  | 403  | 403   | 403 | 401   | 403 | 403
      GET    /api/referrals/{id}/letter                                  | --    | 404 | 404   | 404 | 404  | 404  | 404   | 404 | 401   | --  | 404
      GET    /fhir/metadata                                              | 200   | 200 | 200   | 200 | 200  | 200  | 200   | 200 | 401   | 200 | 200
      GET    /fhir/Task                                                  | 403   | 403 | 403   | 403 | 403  | 403  | 403   | 403 | 401   | --  | --
      GET    /fhir/Task/{id}                                             | 403   | 403 | 403   | 403 | 403  | 403  | 403   | 403 | 401   | --  | 404
      GET    /fhir/ServiceRequest/{id}                                   | 403   | 403 | 403   | 403 | 403  | 403  | 403   | 403 | 401   | mK  | 404
      PUT    /fhir/Task/{id}                                             | 403   | 403 | 403   | 403 | 403  | 403  | 403   | 403 | 401   | ok  | 404
      PATCH  /fhir/Task/{id}                                             | 403   | 403 | 403   | 403 | 403  | 403  | 403   | 403 | 401   | 422 | 404
      GET    /api/audit/access                                           | 403   | 403 | 403   | 200 | 403  | 403  | 403   | 200 | 401   | 403 | 403
      GET    /api/emergency-access                                       | 403   | 403 | 403   | 200 | 403  | 403  | 403   | 200 | 401   | 403 | 403
      GET    /api/dashboard                                              | 403   | 403 | 403   | 200 | 403  | 403  | 403   | 403 | 401   | 403 | 403
      GET    /api/providers                                              | 200   | 200 | 200   | 200 | 200  | 200  | 200   | 200 | 401   | 200 | 200
      GET    /api/providers/{id}                                         | 200   | 200 | 200   | 200 | 200  | 200  | 200   | 200 | 401   | 200 | 200
      GET    /api/directory/hsds                                         | 200   | 200 | 200   | 200 | 200  | 200  | 200   | 200 | 401   | 200 | 200
      POST   /api/intakes                                                | ok    | ok  | 403   | ok  | ok   | 403  | 403   | 403 | 401   | 403 | 403
      POST   /api/intakes#returning-client-by-reference-only             | ok    | 400 | 403   | 403 | 400  | 403  | 403   | 403 | 401   | 403 | 403
      POST   /api/intakes#returning-client-with-birth-date               | ok    | ok  | 403   | 403 | 400  | 403  | 403   | 403 | 401   | 403 | 403
      POST   /api/intakes/{id}/consents                                  | ok    | 404 | 404   | 403 | 404  | 404  | 403   | 403 | 401   | 403 | 403
      DELETE /api/intakes/{id}/consents/{scope}                          | ok    | 404 | 404   | 403 | 404  | 404  | 403   | 403 | 401   | 403 | 403
      POST   /api/intakes/{id}/screenings                                | ok    | 404 | 404   | 403 | 404  | 404  | 403   | 403 | 401   | 403 | 403
      POST   /api/intakes/{id}/triage                                    | ok    | 404 | 404   | ok  | 404  | 404  | 403   | 403 | 401   | 403 | 403
      POST   /api/intakes/{id}/assignment                                | ok    | 404 | 404   | ok  | 404  | 404  | 403   | 403 | 401   | 403 | 403
      POST   /api/intakes/{id}/care-team                                 | ok    | 404 | 404   | ok  | 404  | 404  | 403   | 403 | 401   | 403 | 403
      DELETE /api/intakes/{id}/care-team/{member}                        | ok    | 404 | 404   | ok  | 404  | 404  | 403   | 403 | 401   | 403 | 403
      POST   /api/intakes/{id}/notes                                     | ok    | 404 | 404   | 403 | 404  | 404  | 403   | 403 | 401   | 403 | 403
      POST   /api/intakes/{id}/clinical-review                           | ok    | 404 | 404   | 403 | 404  | 404  | 403   | 403 | 401   | 403 | 403
      POST   /api/crises                                                 | ok    | ok  | ok    | ok  | ok   | ok   | 403   | 403 | 401   | 403 | 403
      POST   /api/crises/{id}/risk-assessments                           | 403   | 403 | ok    | ok  | 403  | 404  | 403   | 403 | 401   | 403 | 403
      POST   /api/crises/{id}/supervisor-consult                         | 403   | 403 | 403   | ok  | 403  | 403  | 403   | 403 | 401   | 403 | 403
      POST   /api/crises/{id}/escalations                                | 403   | 403 | ok    | ok  | 403  | 404  | 403   | 403 | 401   | 403 | 403
      POST   /api/crises/{id}/escalations/{escalationId}/acknowledgement | 403   | 403 | ok    | ok  | 403  | 404  | 403   | 403 | 401   | 403 | 403
      POST   /api/crises/{id}/emergency-dispatch                         | 403   | 403 | ok    | ok  | 403  | 404  | 403   | 403 | 401   | 403 | 403
      POST   /api/crises/{id}/rescue-confirmation                        | 403   | 403 | ok    | ok  | 403  | 404  | 403   | 403 | 401   | 403 | 403
      POST   /api/crises/{id}/de-escalation                              | 403   | 403 | ok    | ok  | 403  | 404  | 403   | 403 | 401   | 403 | 403
      POST   /api/crises/{id}/safety-plan                                | 403   | 403 | ok    | ok  | 403  | 404  | 403   | 403 | 401   | 403 | 403
      POST   /api/crises/{id}/contacts                                   | 403   | 403 | ok    | ok  | 403  | 404  | 403   | 403 | 401   | 403 | 403
      PUT    /api/crises/{id}/whereabouts                                | 403   | 403 | ok    | 403 | 403  | 404  | 403   | 403 | 401   | 403 | 403
      POST   /api/crises/{id}/follow-ups                                 | 403   | 403 | ok    | ok  | 403  | 404  | 403   | 403 | 401   | 403 | 403
      POST   /api/crises/{id}/follow-ups/{followUpId}/completion         | 403   | 403 | ok    | ok  | 403  | 404  | 403   | 403 | 401   | 403 | 403
      POST   /api/referrals                                              | ok    | 404 | 404   | ok  | 404  | 404  | 403   | 403 | 401   | 403 | 403
      POST   /api/referrals/{id}/consent-waiver-request                  | ok    | 404 | 404   | 403 | 404  | 404  | 403   | 403 | 401   | 403 | 403
      POST   /api/referrals/{id}/consent-waiver                          | 403   | 403 | 403   | ok  | 403  | 403  | 403   | 403 | 401   | 403 | 403
      POST   /api/referrals/{id}/consent-waiver-refusal                  | 403   | 403 | 403   | ok  | 403  | 403  | 403   | 403 | 401   | 403 | 403
      POST   /api/referrals/{id}/sending                                 | ok    | 404 | 404   | ok  | 404  | 404  | 403   | 403 | 401   | 403 | 403
      POST   /api/referrals/{id}/receipt                                 | ok    | 404 | 404   | ok  | 404  | 404  | 403   | 403 | 401   | ok  | 404
      POST   /api/referrals/{id}/acceptance                              | ok    | 404 | 404   | ok  | 404  | 404  | 403   | 403 | 401   | ok  | 404
      POST   /api/referrals/{id}/decline                                 | ok    | 404 | 404   | ok  | 404  | 404  | 403   | 403 | 401   | ok  | 404
      POST   /api/referrals/{id}/redirect                                | ok    | 404 | 404   | ok  | 404  | 404  | 403   | 403 | 401   | 403 | 403
      POST   /api/referrals/{id}/appointment                             | ok    | 404 | 404   | ok  | 404  | 404  | 403   | 403 | 401   | ok  | 404
      POST   /api/referrals/{id}/attendance                              | ok    | 404 | 404   | ok  | 404  | 404  | 403   | 403 | 401   | ok  | 404
      POST   /api/referrals/{id}/hold                                    | ok    | 404 | 404   | ok  | 404  | 404  | 403   | 403 | 401   | ok  | 404
      POST   /api/referrals/{id}/resumption                              | ok    | 404 | 404   | ok  | 404  | 404  | 403   | 403 | 401   | ok  | 404
      POST   /api/referrals/{id}/completion                              | ok    | 404 | 404   | ok  | 404  | 404  | 403   | 403 | 401   | 404 | 404
      POST   /api/referrals/{id}/failure                                 | ok    | 404 | 404   | ok  | 404  | 404  | 403   | 403 | 401   | 404 | 404
      POST   /api/referrals/{id}/loop-closure                            | ok    | 404 | 404   | ok  | 404  | 404  | 403   | 403 | 401   | 403 | 403
      POST   /api/referrals/{id}/reviews                                 | 403   | 403 | 403   | ok  | 403  | 403  | 403   | 403 | 401   | 403 | 403
      POST   /api/referrals/{id}/entered-in-error                        | 403   | 403 | 403   | ok  | 403  | 403  | 403   | 403 | 401   | 403 | 403
      POST   /api/referrals/{id}/cancellation                            | ok    | 404 | 404   | ok  | 404  | 404  | 403   | 403 | 401   | 404 | 404
      POST   /api/emergency-access                                       | 403   | 403 | ok    | ok  | 403  | 404  | 403   | 403 | 401   | 403 | 403
      POST   /api/emergency-access/{id}/review                           | 403   | 403 | 403   | ok  | 403  | 403  | 403   | 403 | 401   | 403 | 403
      POST   /api/intakes/{id}/closure                                   | ok    | 404 | 404   | ok  | 404  | 404  | 403   | 403 | 401   | 403 | 403
      POST   /api/intakes/{id}/reopening                                 | ok    | 404 | 404   | ok  | 404  | 404  | 403   | 403 | 401   | 403 | 403
      POST   /api/crises/{id}/closure                                    | 403   | 403 | ok    | ok  | 403  | 404  | 403   | 403 | 401   | 403 | 403
      POST   /api/crises/{id}/reopening                                  | 403   | 403 | ok    | ok  | 403  | 404  | 403   | 403 | 401   | 403 | 403
      GET    /api/admin/dead-letters                                     | 403   | 403 | 403   | 403 | 403  | 403  | 200   | 403 | 401   | 403 | 403
      POST   /api/admin/dead-letters/{group}/retry                       | 403   | 403 | 403   | 403 | 403  | 403  | ok    | 403 | 401   | 403 | 403
      GET    /api/admin/read-models                                      | 403   | 403 | 403   | 403 | 403  | 403  | 200   | 403 | 401   | 403 | 403
      GET    /api/admin/reconciliation                                   | 403   | 403 | 403   | 403 | 403  | 403  | 200   | 403 | 401   | 403 | 403
      POST   /api/admin/projections/replay                               | 403   | 403 | 403   | 403 | 403  | 403  | skip  | 403 | 401   | 403 | 403
      POST   /api/admin/units                                            | 403   | 403 | 403   | 403 | 403  | 403  | ok    | 403 | 401   | 403 | 403
      POST   /api/admin/staff                                            | 403   | 403 | 403   | 403 | 403  | 403  | ok    | 403 | 401   | 403 | 403
      POST   /api/admin/staff/{username}/enabled                         | 403   | 403 | 403   | 403 | 403  | 403  | ok    | 403 | 401   | 403 | 403
      POST   /api/admin/staff/{username}/approval                        | 403   | 403 | 403   | 403 | 403  | 403  | 403   | ok  | 401   | 403 | 403
      GET    /api/units/{unit}/on-call                                   | 403   | 403 | 200   | 200 | 403  | 403  | 403   | 403 | 401   | 403 | 403
      PUT    /api/units/{unit}/on-call                                   | 403   | 403 | 403   | ok  | 403  | 403  | 403   | 403 | 401   | 403 | 403
      POST   /api/me/password                                            | 400   | 400 | 400   | 400 | 400  | 400  | 400   | 400 | 401   | 400 | 400
      GET    /api/admin/audit-chain/verify                               | 403   | 403 | 403   | 403 | 403  | 403  | 200   | 200 | 401   | 403 | 403
      GET    /api/admin/audit-chain/head                                 | 403   | 403 | 403   | 403 | 403  | 403  | 200   | 200 | 401   | 403 | 403
      POST   /api/admin/key-rotation                                     | 403   | 403 | 403   | 403 | 403  | 403  | ok    | 403 | 401   | 403 | 403
      POST   /api/providers                                              | 403   | 403 | 403   | 403 | 403  | 403  | ok    | 403 | 401   | 403 | 403
      PUT    /api/providers/{id}                                         | 403   | 403 | 403   | 403 | 403  | 403  | ok    | 403 | 401   | 403 | 403
      POST   /api/admin/directory/hsds                                   | 403   | 403 | 403   | 403 | 403  | 403  | ok    | 403 | 401   | 403 | 403
      GET    /api/privacy/retention                                | 403   | 403 | 403   | 403 | 403  | 403  | 403   | 200 | 401   | 403 | 403
      GET    /api/privacy/legal-holds                              | 403   | 403 | 403   | 403 | 403  | 403  | 403   | 200 | 401   | 403 | 403
      GET    /api/privacy/erasures                                 | 403   | 403 | 403   | 403 | 403  | 403  | 403   | 200 | 401   | 403 | 403
      POST   /api/privacy/people/{personId}/legal-hold             | 403   | 403 | 403   | 403 | 403  | 403  | 403   | 404 | 401   | 403 | 403
      POST   /api/privacy/people/{personId}/legal-hold/lifting     | 403   | 403 | 403   | 403 | 403  | 403  | 403   | 404 | 401   | 403 | 403
      POST   /api/privacy/people/{personId}/erasure                | 403   | 403 | 403   | 403 | 403  | 403  | 403   | 404 | 401   | 403 | 403
      """;

  private static final String IDENTITY = "Li Wei";
  private static final String INTAKE_NOTE = "Matrix note: sleeps three hours a night";
  private static final String CRISIS_NOTE = "Matrix risk: has thought about how";
  private static final String SAFETY_PLAN = "Matrix plan: calls her sister";
  private static final String REFERRAL_REASON = "Matrix referral: needs a psychiatric review";

  /** A person with no records (the privacy officer's writes answer 404 for them). */
  private static final String NOBODY = "00000000-0000-4000-8000-000000000017";

  private final Map<String, String> ids = new LinkedHashMap<>();
  private String provider;

  @Test
  void everyEndpointAnswersEveryRoleAsTheScopeMatrixSays() {
    JsonNode paths = Api.anonymousAt(port).get("/v3/api-docs").json().get("paths");
    Map<String, List<String>> matrix = parse();
    assertThat(
            new TreeSet<>(matrix.keySet().stream().map(row -> row.replaceAll("#.*", "")).toList()))
        .as("every endpoint of the OpenAPI document has a row, and every row an endpoint")
        .containsExactlyInAnyOrderElementsOf(operations(paths));

    recordsOfTheNorthUnit();
    List<String> wrong = new ArrayList<>();
    StringBuilder seen = new StringBuilder();
    int calls = 0;
    for (Map.Entry<String, List<String>> row : matrix.entrySet()) {
      seen.append(String.format("%-66s", row.getKey()));
      for (int column = 0; column < STAFF.size(); column++) {
        String user = STAFF.get(column);
        String expected = row.getValue().get(column);
        String actual = expected.equals("skip") ? "skip" : call(row.getKey(), user);
        calls++;
        seen.append(String.format("| %-5s ", actual));
        if (!actual.equals(expected)) {
          wrong.add(row.getKey() + " as " + user + ": expected " + expected + ", got " + actual);
        }
      }
      seen.append('\n');
    }
    System.out.printf("Authorization matrix: %d calls%n%s", calls, seen);
    assertThat(wrong).as(seen.toString()).isEmpty();
  }

  /** One call, classified: F, M, C, 200, ok, 403, 404 or what else came back. */
  private String call(String endpoint, String user) {
    String method = endpoint.substring(0, endpoint.indexOf(' '));
    String template = endpoint.substring(endpoint.indexOf('/'));
    String path = resolve(template).replaceAll("#.*", "");
    String target = targetOf(template);
    long eventsBefore = target == null ? 0 : eventsOf(target);
    Api api = user.equals(PENDING) ? Api.at(port, PENDING, PENDING_PASSWORD) : as(user);
    Response answer =
        switch (method) {
          // Lists come in pages: ask for the largest, which holds this test's records.
          case "GET" ->
              api.get(
                  LISTS.contains(template)
                      ? path + "?limit=500"
                      // The lookup of a returning person: by the reference of alice's client.
                      : template.equals("/api/clients")
                          ? path + "?reference=" + ids.get("reference")
                          : path);
          case "DELETE" -> api.delete(path);
          case "PUT" -> api.put(path, body(template));
          case "PATCH" -> api.patch(path, body(template + "#patch"), "application/json-patch+json");
          default -> api.post(path, body(template));
        };
    int status = answer.status();
    if (!method.equals("GET")) {
      if ((status == 403 || status == 404) && target != null && eventsOf(target) != eventsBefore) {
        return status + "-but-stored";
      }
      return status < 300 || status == 409 ? "ok" : String.valueOf(status);
    }
    if (status != 200) {
      return String.valueOf(status);
    }
    String body = answer.body();
    boolean identity = body.contains(IDENTITY);
    boolean clinical =
        body.contains(INTAKE_NOTE)
            || body.contains(CRISIS_NOTE)
            || body.contains(SAFETY_PLAN)
            || body.contains(REFERRAL_REASON);
    boolean masked = body.contains("\"masked\":true") || body.contains("\"L.W.\"");
    if (!personalOrCaseRecord(template)) {
      return identity || clinical ? "leaks" : "200";
    }
    return (identity ? "I" : masked ? "m" : "-") + (clinical ? "K" : "-");
  }

  /** Endpoints about a person's record, as opposed to directory, audit and figures. */
  private static boolean personalOrCaseRecord(String template) {
    return template.startsWith("/api/intakes")
        || template.startsWith("/api/caseload")
        || template.startsWith("/api/cris")
        || template.startsWith("/api/clients")
        || template.startsWith("/api/referrals")
        || (template.startsWith("/fhir/") && !template.equals("/fhir/metadata"));
  }

  private String resolve(String template) {
    String path = template;
    for (Map.Entry<String, String> slot : slots(template).entrySet()) {
      path = path.replace(slot.getKey(), slot.getValue());
    }
    return path;
  }

  private Map<String, String> slots(String template) {
    Map<String, String> slots = new LinkedHashMap<>();
    String id =
        template.startsWith("/api/intakes")
            ? ids.get("intake")
            : template.startsWith("/api/crises")
                ? ids.get("crisis")
                : template.startsWith("/api/clients")
                    ? ids.get("client")
                    : template.startsWith("/api/referrals") || template.startsWith("/fhir/")
                        ? ids.get("referral")
                        : template.startsWith("/api/emergency-access")
                            ? ids.get("grant")
                            : provider;
    slots.put("{id}", id);
    slots.put("{scope}", "CONTACT");
    slots.put("{reference}", ids.get("reference"));
    slots.put("{unit}", "north");
    slots.put("{member}", "bob");
    slots.put("{group}", "caseload");
    // Switching alice on again changes nothing for the tests sharing this platform.
    slots.put("{username}", "alice");
    slots.put("{escalationId}", ids.get("escalation"));
    slots.put("{followUpId}", ids.get("followUp"));
    // Nobody's records: the privacy officer's holds and erasures must not touch the shared ones.
    slots.put("{personId}", NOBODY);
    return slots;
  }

  /** The aggregate a write changes, whose events must not grow when it is refused. */
  private String targetOf(String template) {
    return template.contains("{id}") ? slots(template).get("{id}") : null;
  }

  private String body(String template) {
    String soon = Instant.now().plus(2, ChronoUnit.DAYS).toString();
    return switch (template) {
      // Another person: tests sharing this platform look for Li Wei in what others see.
      case "/api/intakes" -> NEW_CLIENT_INTAKE.replace(IDENTITY, "Qian Duo");
      // Li Wei again: only those who care for her, or know her birth date, take her in.
      case "/api/intakes#returning-client-by-reference-only" -> returning(null);
      case "/api/intakes#returning-client-with-birth-date" -> returning("1990-03-04");
      // Into herself: the supervisor's merge is let through to its rules (409), and merges no one
      // the tests sharing this platform rely on.
      case "/api/clients/{reference}/merge" ->
          "{\"into\":\"" + ids.get("reference") + "\",\"reason\":\"Matrix\"}";
      case "/api/intakes/{id}/consents" ->
          "{\"scope\":\"CONTACT\",\"givenBy\":\"CLIENT\",\"method\":\"VERBAL\"}";
      case "/api/intakes/{id}/screenings" ->
          "{\"instrument\":\"GAD7\",\"answers\":[1,1,1,0,0,0,0]}";
      case "/api/intakes/{id}/triage" -> "{\"priority\":\"SOON\",\"rationale\":\"Matrix\"}";
      case "/api/intakes/{id}/assignment" -> "{\"counsellor\":\"alice\"}";
      case "/api/intakes/{id}/care-team" -> "{\"member\":\"alice\"}";
      case "/api/intakes/{id}/notes" -> "{\"text\":\"Matrix write\"}";
      case "/api/intakes/{id}/clinical-review" -> "{\"outcome\":\"Matrix review\"}";
      case "/api/intakes/{id}/closure" ->
          "{\"reason\":\"GOALS_MET\",\"summary\":\"Matrix closure\"}";
      case "/api/intakes/{id}/reopening", "/api/crises/{id}/reopening" ->
          "{\"reason\":\"Came back\"}";
      case "/api/crises" ->
          "{\"channel\":\"HOTLINE\",\"caller\":\"SELF\",\"summary\":\"Matrix call\"}";
      case "/api/crises/{id}/risk-assessments" -> "{\"level\":\"MODERATE\",\"notes\":\"x\"}";
      case "/api/crises/{id}/supervisor-consult" -> "{\"advice\":\"Stay on the line\"}";
      case "/api/crises/{id}/escalations" -> "{\"reason\":\"Worried\"}";
      case "/api/crises/{id}/emergency-dispatch" ->
          "{\"agency\":\"AMBULANCE\",\"reference\":\"M-1\","
              + "\"confidentialityBreakReason\":\"Risk to life\"}";
      case "/api/crises/{id}/rescue-confirmation" -> "{\"outcome\":\"Reached, safe\"}";
      case "/api/crises/{id}/de-escalation" -> "{\"notes\":\"Calmer\"}";
      case "/api/crises/{id}/whereabouts" -> "{\"area\":\"Grid 7\"}";
      case "/api/crises/{id}/contacts" ->
          "{\"channel\":\"CHAT\",\"startedAt\":\"2026-01-10T20:00:00Z\",\"minutes\":5}";
      case "/api/crises/{id}/safety-plan" ->
          "{\"warningSigns\":[\"a\"],\"internalCopingStrategies\":[\"b\"],"
              + "\"peopleAndPlacesForDistraction\":[\"c\"],\"peopleToAskForHelp\":[\"d\"],"
              + "\"professionalsAndAgencies\":[\"e\"],\"makingTheEnvironmentSafe\":[\"f\"]}";
      case "/api/crises/{id}/follow-ups" -> "{\"dueAt\":\"" + soon + "\"}";
      case "/api/crises/{id}/follow-ups/{followUpId}/completion" ->
          "{\"reached\":true,\"level\":\"LOW\",\"notes\":\"Fine\"}";
      case "/api/crises/{id}/closure" -> "{\"reason\":\"STABILISED\",\"summary\":\"Matrix\"}";
      case "/api/referrals" -> referral();
      case "/api/referrals/{id}/consent-waiver",
          "/api/referrals/{id}/consent-waiver-request",
          "/api/referrals/{id}/consent-waiver-refusal" ->
          "{\"reason\":\"Risk to life\"}";
      case "/api/referrals/{id}/decline" -> "{\"reason\":\"NO_CAPACITY\",\"notes\":\"Full\"}";
      case "/api/referrals/{id}/redirect" -> "{\"providerId\":\"" + provider + "\"}";
      case "/api/referrals/{id}/appointment" -> "{\"at\":\"" + soon + "\"}";
      case "/api/referrals/{id}/attendance" -> "{\"attended\":true}";
      case "/api/referrals/{id}/hold" -> "{\"reason\":\"Client in hospital\"}";
      case "/api/referrals/{id}/completion" -> "{\"outcome\":\"Seen\"}";
      case "/api/referrals/{id}/failure" -> "{\"reason\":\"Unreachable\"}";
      case "/api/referrals/{id}/cancellation" ->
          "{\"side\":\"REFERRER\",\"reason\":\"No longer needed\"}";
      case "/api/referrals/{id}/entered-in-error" -> "{\"reason\":\"Wrong client\"}";
      case "/fhir/Task/{id}#patch" ->
          "[{\"op\":\"replace\",\"path\":\"/status\",\"value\":\"received\"}]";
      case "/fhir/Task/{id}" ->
          "{\"resourceType\":\"Task\",\"status\":\"received\",\"intent\":\"order\"}";
      case "/api/referrals/{id}/reviews" -> "{\"kind\":\"FINDING\",\"text\":\"Checked\"}";
      case "/api/emergency-access" ->
          "{\"recordId\":\"" + ids.get("intake") + "\",\"reason\":\"Caller at risk\"}";
      case "/api/emergency-access/{id}/review" -> "{\"finding\":\"Justified\"}";
      // An empty roster: the unit's gap, as the tests sharing this platform expect it.
      case "/api/units/{unit}/on-call" -> "{\"periods\":[]}";
      case "/api/admin/units" -> "{\"id\":\"matrix\",\"name\":\"Matrix unit\"}";
      case "/api/admin/staff" ->
          "{\"username\":\"matrix\",\"displayName\":\"Matrix\",\"role\":\"COUNSELLOR\","
              + "\"unit\":\"north\",\"password\":\"quiet-lantern-in-rain\"}";
      case "/api/admin/staff/{username}/enabled" -> "{\"enabled\":true}";
      case "/api/admin/key-rotation" -> "{}";
      case "/api/privacy/people/{personId}/legal-hold",
          "/api/privacy/people/{personId}/legal-hold/lifting" ->
          "{\"reason\":\"Matrix matter\"}";
      case "/api/privacy/people/{personId}/erasure" ->
          "{\"reason\":\"Matrix\",\"requestReference\":\"M-1\"}";
      // Not the current password: every demo user keeps hers for the other tests.
      case "/api/me/password" ->
          "{\"currentPassword\":\"not-the-current-one\",\"newPassword\":\"quiet-lantern-in-rain\"}";
      // A dry run (the default): the directory the other tests use stays as it is.
      case "/api/admin/directory/hsds" ->
          "[{\"id\":\"m\",\"name\":\"Matrix Trust\",\"services\":[{\"id\":\"matrix-hsds\","
              + "\"name\":\"Assessment\",\"service_areas\":[{\"name\":\"north\"}],"
              + "\"attributes\":[{\"taxonomy_term\":{\"code\":\"social-work\"}}]}]}]";
      case "/api/providers" ->
          "{\"organisation\":\"Matrix Clinic\",\"serviceName\":\"Assessment\","
              + "\"serviceTypes\":[\"PSYCHIATRIC_ASSESSMENT\"],\"area\":\"north\","
              + "\"capacity\":\"AVAILABLE\"}";
      // Pia's provider as the demo directory has it: tests sharing this platform refer to it.
      case "/api/providers/{id}" ->
          "{\"organisation\":\"North District Mental Health Centre\","
              + "\"serviceName\":\"Psychiatric assessment clinic\",\"serviceTypes\":"
              + "[\"PSYCHIATRIC_ASSESSMENT\",\"OUTPATIENT_COUNSELLING\"],\"area\":\"north\","
              + "\"eligibility\":\"Adults and adolescents from 14, by referral\","
              + "\"languages\":[\"zh-CN\",\"en\"],\"capacity\":\"AVAILABLE\","
              + "\"phone\":\"+86 10 6000 1001\"}";
      default -> "";
    };
  }

  private String returning(String birthDate) {
    return "{\"clientReference\":\""
        + ids.get("reference")
        + "\","
        + (birthDate == null ? "" : "\"birthDate\":\"" + birthDate + "\",")
        + "\"source\":\"PHONE\",\"concern\":\"Back again\",\"urgency\":\"ROUTINE\"}";
  }

  private String referral() {
    return "{\"intakeId\":\""
        + ids.get("intake")
        + "\",\"serviceType\":\"PSYCHIATRIC_ASSESSMENT\",\"providerId\":\""
        + provider
        + "\",\"urgency\":\"URGENT\",\"reason\":\""
        + REFERRAL_REASON
        + "\",\"disclosedFields\":[\"NAME\",\"PHONE\"]}";
  }

  /**
   * Alice's case with consent, a note and a referral sent to pia's provider; carol's episode for
   * that client with a risk assessment, an escalation and a follow-up; and an emergency access
   * carol took on bob's case.
   */
  private void recordsOfTheNorthUnit() {
    assertThat(
            as("admin")
                .post(
                    "/api/admin/staff",
                    "{\"username\":\""
                        + PENDING
                        + "\",\"displayName\":\"Percy Pending\",\"role\":\"SUPERVISOR\","
                        + "\"unit\":\"north\",\"password\":\""
                        + PENDING_PASSWORD
                        + "\"}")
                .status())
        .isEqualTo(201);
    Api alice = as("alice");
    Api carol = as("carol");
    // Sam holds the on-call supervisor's tier: the episode's escalation below pages him, so he sees
    // the episode for the consult (other tests leave the roster as they need it).
    Instant rosterFrom = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    assertThat(
            as("sam")
                .put(
                    "/api/units/north/on-call",
                    "{\"periods\":[{\"tier\":\"ON_CALL_SUPERVISOR\",\"username\":\"sam\","
                        + "\"from\":\""
                        + rosterFrom
                        + "\",\"to\":\""
                        + rosterFrom.plus(1, ChronoUnit.DAYS)
                        + "\"}]}")
                .status())
        .isEqualTo(204);
    String intake = alice.post("/api/intakes", NEW_CLIENT_INTAKE).id();
    ids.put("intake", intake);
    alice.post(
        "/api/intakes/" + intake + "/consents",
        "{\"scope\":\"COUNSELLING\",\"givenBy\":\"CLIENT\",\"method\":\"VERBAL\"}");
    alice.post(
        "/api/intakes/" + intake + "/consents",
        "{\"scope\":\"REFERRAL_SHARING\",\"givenBy\":\"CLIENT\",\"method\":\"VERBAL\"}");
    Response note =
        alice.post("/api/intakes/" + intake + "/notes", "{\"text\":\"" + INTAKE_NOTE + "\"}");
    JsonNode aliceSees =
        alice
            .with("X-Consistency-Token", note.header("X-Consistency-Token"))
            .get("/api/intakes/" + intake)
            .json();
    String client = aliceSees.get("clientId").asText();
    ids.put("client", client);
    ids.put("reference", aliceSees.get("clientReference").asText());
    provider =
        alice
            .get("/api/providers?serviceType=PSYCHIATRIC_ASSESSMENT")
            .json()
            .get(0)
            .get("id")
            .asText();
    ids.put("referral", alice.post("/api/referrals", referral()).id());
    // Sent, so that it reaches the provider's staff (pia) before they answer.
    alice.post("/api/referrals/" + ids.get("referral") + "/sending", "");

    String crisis =
        carol
            .post(
                "/api/crises",
                "{\"channel\":\"HOTLINE\",\"caller\":\"SELF\",\"clientId\":\""
                    + client
                    + "\",\"summary\":\"Calls at night\"}")
            .id();
    ids.put("crisis", crisis);
    carol.post(
        "/api/crises/" + crisis + "/risk-assessments",
        "{\"level\":\"MODERATE\",\"notes\":\"" + CRISIS_NOTE + "\"}");
    ids.put(
        "escalation",
        carol.post("/api/crises/" + crisis + "/escalations", "{\"reason\":\"Worried\"}").id());
    ids.put(
        "followUp",
        carol
            .post(
                "/api/crises/" + crisis + "/follow-ups",
                "{\"dueAt\":\"" + Instant.now().plus(1, ChronoUnit.DAYS) + "\"}")
            .id());
    Response safetyPlan =
        carol.post(
            "/api/crises/" + crisis + "/safety-plan",
            body("/api/crises/{id}/safety-plan").replace("\"a\"", "\"" + SAFETY_PLAN + "\""));
    String bobs =
        as("bob").post("/api/intakes", NEW_CLIENT_INTAKE.replace(IDENTITY, "Zhou Min")).id();
    Response glass =
        carol.post(
            "/api/emergency-access",
            "{\"recordId\":\"" + bobs + "\",\"reason\":\"Caller at risk\"}");
    ids.put("grant", glass.id());
    // Every read below must see all of the above.
    as("sam")
        .with("X-Consistency-Token", glass.header("X-Consistency-Token"))
        .get("/api/crisis-board");
    as("sam")
        .with("X-Consistency-Token", safetyPlan.header("X-Consistency-Token"))
        .get("/api/crisis-board");
  }

  private static Map<String, List<String>> parse() {
    Map<String, List<String>> matrix = new LinkedHashMap<>();
    for (String line : MATRIX.strip().split("\n")) {
      String[] cells = line.split("\\|");
      if (cells[0].strip().equals("endpoint")) {
        continue;
      }
      String[] endpoint = cells[0].strip().split("\\s+");
      List<String> outcomes = new ArrayList<>();
      for (int i = 1; i < cells.length; i++) {
        outcomes.add(cells[i].strip());
      }
      assertThat(outcomes).as(line).hasSize(STAFF.size());
      matrix.put(endpoint[0] + " " + endpoint[1], outcomes);
    }
    return matrix;
  }

  private static Set<String> operations(JsonNode paths) {
    Set<String> operations = new TreeSet<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> path = it.next();
      path.getValue()
          .fieldNames()
          .forEachRemaining(
              method -> {
                String operation = method.toUpperCase() + " " + path.getKey();
                if (!NOT_IN_MATRIX.contains(operation)) {
                  operations.add(operation);
                }
              });
    }
    return operations;
  }
}
