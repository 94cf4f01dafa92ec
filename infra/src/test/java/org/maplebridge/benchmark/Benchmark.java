package org.maplebridge.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.maplebridge.PlatformTest;
import org.maplebridge.caseload.Caseload;
import org.maplebridge.caseload.CaseloadItem;
import org.maplebridge.caseload.CaseloadQueries.FindCaseload;
import org.maplebridge.crisis.CrisisCommands.OpenCrisisContact;
import org.maplebridge.events.Actor;
import org.maplebridge.events.Role;
import org.maplebridge.events.client.ClientIdentity;
import org.maplebridge.events.crisis.Caller;
import org.maplebridge.events.crisis.ContactChannel;
import org.maplebridge.events.intake.ConsentGiver;
import org.maplebridge.events.intake.ConsentMethod;
import org.maplebridge.events.intake.ConsentRecorded;
import org.maplebridge.events.intake.ConsentScope;
import org.maplebridge.events.intake.IntakeOpened;
import org.maplebridge.events.intake.IntakeSource;
import org.maplebridge.events.intake.SessionNoteAdded;
import org.maplebridge.events.intake.Urgency;
import org.maplebridge.intake.IntakeCommandsForTests;
import org.maplebridge.platform.integrity.AuditChain;
import org.maplebridge.platform.operations.ReadModels;
import org.maplebridge.read.Paging;
import org.maplebridge.read.Paging.PageRequest;
import org.maplebridge.reliability.PlatformProcess;
import org.maplebridge.write.ActorMetadata;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;

/**
 * How fast MapleBridge is, against what this machine's PostgreSQL allows, in one run with ratios.
 * Run with {@code ./mvnw -B -q install -DskipTests && ./mvnw -B -pl infra verify -Pbenchmark} (add
 * {@code -Dbenchmark.quick=true} for a run under two minutes). Results go to {@code
 * infra/target/benchmark/results.json} and {@code results.md}.
 */
// Events settle for the audit chain after 5 s here (60 s in production), so that chaining them
// is measured; any less and a write still committing would look inserted out of order.
@TestPropertySource(
    properties = {"logging.level.root=WARN", "maplebridge.audit-chain.settled=PT5S"})
class Benchmark extends PlatformTest {
  private static final boolean QUICK = Boolean.getBoolean("benchmark.quick");

  /**
   * {@code -Dbenchmark.only=replay,commands}: only these parts (commands, http, visibility,
   * long-case, queries, replay, audit-chain, encryption, start-up), when profiling one of them.
   */
  private static final List<String> ONLY =
      List.of(System.getProperty("benchmark.only", "").split(",")).stream()
          .filter(part -> !part.isBlank())
          .toList();

  private static final Duration SPAN = Duration.ofSeconds(QUICK ? 2 : 8);
  private static final int REPLAY_EVENTS = QUICK ? 20_000 : 1_000_000;
  private static final int LONG_CASE_EVENTS = 10_000;
  private static final int CASES = 100_000;
  private static final Actor ALICE = new Actor("alice", Role.COUNSELLOR, "north");

  @Autowired CommandGateway commands;
  @Autowired QueryGateway queries;
  @Autowired DataSource dataSource;
  @Autowired ReadModels readModels;
  @Autowired EventProcessingConfiguration processing;
  @Autowired AuditChain auditChain;

  @Value("${maplebridge.crypto.encryption:true}")
  boolean encryptingNewEvents;

  @Autowired
  @Qualifier("eventSerializer")
  Serializer serializer;

  private final Map<String, Object> results = new LinkedHashMap<>();
  private Long commandP50Nanos;
  private Double replayEventsPerSecond;
  private final List<String[]> table = new ArrayList<>();

  @Test
  void measure() throws Exception {
    results.put("machine", machine());
    results.put("quick", QUICK);
    results.put("encryptingNewEvents", encryptingNewEvents);
    warmUp();
    if (ONLY.isEmpty() || ONLY.contains("commands")) {
      Map<Integer, Double> raw = rawInserts();
      commandsThroughGateway(raw);
    }
    if (ONLY.isEmpty() || ONLY.contains("http")) {
      escalationsOverHttp();
    }
    if (ONLY.isEmpty() || ONLY.contains("visibility")) {
      writeToReadVisibility();
    }
    if (ONLY.isEmpty() || ONLY.contains("long-case")) {
      longLivedCase();
    }
    if (ONLY.isEmpty() || ONLY.contains("queries")) {
      queriesAtScale();
    }
    if (ONLY.isEmpty() || ONLY.contains("replay")) {
      replay();
    }
    if (ONLY.isEmpty() || ONLY.contains("audit-chain")) {
      auditChain();
    }
    if (encryptingNewEvents && (ONLY.isEmpty() || ONLY.contains("encryption"))) {
      encryptionCost();
    }
    if (ONLY.isEmpty() || ONLY.contains("start-up")) {
      heapAndStartUp();
    }
    write();
    assertThat(table).isNotEmpty();
  }

  // 1. What the hardware allows: one event-shaped row per transaction.
  private Map<Integer, Double> rawInserts() throws Exception {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS bench_event");
      s.execute(
          "CREATE TABLE bench_event (LIKE domainevententry INCLUDING CONSTRAINTS INCLUDING"
              + " INDEXES)");
      s.execute(
          "ALTER TABLE bench_event ALTER COLUMN globalindex ADD GENERATED ALWAYS AS IDENTITY");
    }
    byte[] payload = serializer.serialize(note(UUID.randomUUID()), byte[].class).getData();
    Map<Integer, Double> rates = new LinkedHashMap<>();
    for (int callers : new int[] {1, 4, 16}) {
      // Each caller keeps its connection and statement, as a tuned client would.
      ThreadLocal<PreparedStatement> statements = new ThreadLocal<>();
      List<Connection> opened = new java.util.concurrent.CopyOnWriteArrayList<>();
      Run run =
          run(
              callers,
              () -> {
                PreparedStatement insert = statements.get();
                if (insert == null) {
                  Connection c = dataSource.getConnection();
                  opened.add(c);
                  insert =
                      c.prepareStatement(
                          "INSERT INTO bench_event (aggregateidentifier, sequencenumber, type,"
                              + " eventidentifier, metadata, payload, payloadtype, timestamp)"
                              + " VALUES (?, 0, 'Intake', ?, ?, ?, ?, ?)");
                  statements.set(insert);
                }
                String id = UUID.randomUUID().toString();
                insert.setString(1, id);
                insert.setString(2, id);
                insert.setBytes(3, "{}".getBytes(StandardCharsets.UTF_8));
                insert.setBytes(4, payload);
                insert.setString(5, SessionNoteAdded.class.getName());
                insert.setString(6, Instant.now().toString());
                insert.executeUpdate();
              });
      for (Connection c : opened) {
        c.close();
      }
      rates.put(callers, run.rate());
      row(
          "1. raw JDBC insert, 1 row/tx, " + callers + " connection(s)",
          fmt(run.rate()) + " rows/s",
          "p50 " + ms(run.p(50)) + ", p99 " + ms(run.p(99)),
          "baseline");
    }
    results.put("rawInsertsPerSecond", rates);
    return rates;
  }

  // 2. Real commands through the command gateway: notes on cases, as counsellors write them.
  private void commandsThroughGateway(Map<Integer, Double> raw) throws Exception {
    Map<String, Object> figures = new LinkedHashMap<>();
    for (int callers : new int[] {1, 4, 16}) {
      List<UUID> cases = new ArrayList<>();
      for (int i = 0; i < callers; i++) {
        cases.add(openCase());
      }
      AtomicLong next = new AtomicLong();
      Run run;
      try (ThreadSampler sampler = new ThreadSampler("pool-")) {
        run =
            run(
                callers,
                () -> {
                  UUID intake = cases.get((int) (Thread.currentThread().getId() % callers));
                  send(IntakeCommandsForTests.note(intake, "Bench note " + next.incrementAndGet()));
                });
        if (callers == 1) {
          System.out.println("Command profile (the caller's thread): " + sampler.report(12));
          commandP50Nanos = run.p(50);
        }
      }
      double ratio = run.rate() / raw.get(callers);
      figures.put(
          callers + " callers",
          Map.of("perSecond", run.rate(), "p50ms", run.p(50), "p99ms", run.p(99), "ratio", ratio));
      row(
          "2. command (AddSessionNote) via gateway, " + callers + " caller(s)",
          fmt(run.rate()) + " commands/s",
          "p50 " + ms(run.p(50)) + ", p99 " + ms(run.p(99)),
          String.format("%.2fx raw (target >= 0.5x)", ratio));
    }
    results.put("commands", figures);
  }

  // 3. The crisis escalation path over HTTP with authentication, under background load.
  private void escalationsOverHttp() throws Exception {
    HttpClient http = HttpClient.newBuilder().build();
    String carol = basic("carol");
    String sam = basic("sam");
    String alice = basic("alice");
    ScheduledExecutorService background = Executors.newScheduledThreadPool(10);
    AtomicLong backgroundSent = new AtomicLong();
    for (int i = 0; i < 10; i++) {
      // Ten senders, one every 50 ms each: 200 commands/s, each on a case of its own.
      String backgroundCase = asAlice(http, alice);
      background.scheduleAtFixedRate(
          () -> {
            post(http, alice, "/api/intakes/" + backgroundCase + "/notes", "{\"text\":\"bg\"}");
            backgroundSent.incrementAndGet();
          },
          i * 5L,
          50,
          TimeUnit.MILLISECONDS);
    }
    List<Long> latencies = new ArrayList<>();
    ThreadSampler sampler = new ThreadSampler("http-nio");
    long started = System.nanoTime();
    int warmUp = 10;
    int episodes = warmUp + (QUICK ? 40 : 150);
    try {
      for (int i = 0; i < episodes; i++) {
        if (i == warmUp) {
          // The first requests check each worker's password and compile the HTTP path.
          latencies.clear();
          backgroundSent.set(0);
          started = System.nanoTime();
        }
        long t0 = System.nanoTime();
        HttpResponse<String> opened =
            post(
                http,
                carol,
                "/api/crises",
                "{\"channel\":\"HOTLINE\",\"caller\":\"SELF\",\"summary\":\"x\"}");
        latencies.add(System.nanoTime() - t0);
        String crisis = new ObjectMapper().readTree(opened.body()).get("id").asText();
        t0 = System.nanoTime();
        post(
            http, carol, "/api/crises/" + crisis + "/risk-assessments", "{\"level\":\"MODERATE\"}");
        latencies.add(System.nanoTime() - t0);
        t0 = System.nanoTime();
        HttpResponse<String> escalated =
            post(http, carol, "/api/crises/" + crisis + "/escalations", "{\"reason\":\"Worse\"}");
        latencies.add(System.nanoTime() - t0);
        String escalation = new ObjectMapper().readTree(escalated.body()).get("id").asText();
        t0 = System.nanoTime();
        HttpResponse<String> acknowledged =
            post(
                http,
                sam,
                "/api/crises/" + crisis + "/escalations/" + escalation + "/acknowledgement",
                "");
        latencies.add(System.nanoTime() - t0);
        assertThat(acknowledged.statusCode()).isEqualTo(204);
      }
    } finally {
      background.shutdownNow();
      sampler.close();
    }
    System.out.println("HTTP profile (request threads): " + sampler.report(14));
    double seconds = (System.nanoTime() - started) / 1e9;
    long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
    double backgroundRate = backgroundSent.get() / seconds;
    results.put(
        "httpEscalation",
        Map.of(
            "requests",
            sorted.length,
            "p50ms",
            pct(sorted, 50) / 1e6,
            "p99ms",
            pct(sorted, 99) / 1e6,
            "backgroundPerSecond",
            backgroundRate));
    row(
        "3. crisis escalation path over HTTP (Basic auth), "
            + fmt(backgroundRate)
            + "/s background",
        sorted.length + " requests",
        "p50 " + ms(pct(sorted, 50)) + ", p99 " + ms(pct(sorted, 99)),
        "target p99 < 50 ms");
  }

  // 4. From a command's acknowledgement until the caseload and the crisis board show it.
  private void writeToReadVisibility() throws Exception {
    int samples = QUICK ? 100 : 300;
    long[] caseload = new long[samples];
    UUID intake = openCase();
    for (int i = 0; i < samples; i++) {
      send(IntakeCommandsForTests.note(intake, "Visible " + i));
      long acknowledged = System.nanoTime();
      long version = eventsOf(intake.toString()) - 1;
      while (jdbc.sql("SELECT coalesce(max(version), -1) FROM intake_view WHERE intake_id = :id")
              .param("id", intake)
              .query(Long.class)
              .single()
          < version) {
        Thread.onSpinWait();
      }
      caseload[i] = System.nanoTime() - acknowledged;
    }
    Arrays.sort(caseload);
    long[] board = new long[samples / 2];
    for (int i = 0; i < board.length; i++) {
      UUID crisis = UUID.randomUUID();
      send(
          new OpenCrisisContact(crisis, ContactChannel.HOTLINE, Caller.SELF, null, "Visible", null),
          new Actor("carol", Role.CRISIS_WORKER, "north"));
      long acknowledged = System.nanoTime();
      while (jdbc.sql("SELECT count(*) FROM crisis_view WHERE crisis_id = :id")
              .param("id", crisis)
              .query(Long.class)
              .single()
          == 0) {
        Thread.onSpinWait();
      }
      board[i] = System.nanoTime() - acknowledged;
    }
    Arrays.sort(board);
    results.put(
        "visibility",
        Map.of(
            "caseloadP50ms", pct(caseload, 50) / 1e6,
            "caseloadP99ms", pct(caseload, 99) / 1e6,
            "crisisBoardP50ms", pct(board, 50) / 1e6,
            "crisisBoardP99ms", pct(board, 99) / 1e6));
    row(
        "4. write-to-read visibility, caseload",
        samples + " writes",
        "p50 " + ms(pct(caseload, 50)) + ", p99 " + ms(pct(caseload, 99)),
        "target p99 < 200 ms");
    row(
        "4. write-to-read visibility, crisis board",
        board.length + " writes",
        "p50 " + ms(pct(board, 50)) + ", p99 " + ms(pct(board, 99)),
        "target p99 < 200 ms");
  }

  // 6. A case with 10,000 events: a command on it.
  private void longLivedCase() throws Exception {
    // Stored directly, so the first command finds it in no cache: it reads all 10,000 events.
    UUID intake = UUID.randomUUID();
    List<Object> events = new ArrayList<>(caseOpening(intake, 0));
    while (events.size() < LONG_CASE_EVENTS) {
      events.add(note(intake));
    }
    append(intake, 0, events);
    // Stored at once, the case's events would otherwise still be projected while it is measured;
    // in use they would have come over months.
    awaitProjectionsAt(
        jdbc.sql("SELECT max(globalindex) FROM domainevententry").query(Long.class).single(),
        Duration.ofMinutes(2));
    long t0 = System.nanoTime();
    send(IntakeCommandsForTests.note(intake, "First after 10,000"));
    long cold = System.nanoTime() - t0;
    long[] warm = new long[QUICK ? 200 : 500];
    for (int i = 0; i < warm.length; i++) {
      t0 = System.nanoTime();
      send(IntakeCommandsForTests.note(intake, "Warm " + i));
      warm[i] = System.nanoTime() - t0;
    }
    Arrays.sort(warm);
    results.put(
        "longLivedCase",
        Map.of(
            "events", eventsOf(intake.toString()),
            "coldMs", cold / 1e6,
            "warmP50ms", pct(warm, 50) / 1e6,
            "warmP99ms", pct(warm, 99) / 1e6));
    row(
        "6. command on a case with " + LONG_CASE_EVENTS + " events",
        "first " + ms(cold),
        "then p50 " + ms(pct(warm, 50)) + ", p99 " + ms(pct(warm, 99)),
        "target < 20 ms");
  }

  // 7. Caseload and crisis board queries with 100,000 cases stored.
  private void queriesAtScale() throws Exception {
    // Ten units, 200 counsellors; nine cases in ten are closed, as in a few years' use.
    jdbc.sql(
            """
            INSERT INTO intake_view (intake_id, client_id, client_reference, unit, source,
              requested_urgency, population_groups, opened_by, opened_at, care_team,
              assigned_counsellor, closed, updated_at, version)
            SELECT gen_random_uuid(), gen_random_uuid(), 'C-2020-' || lpad(i::text, 6, '0'),
              CASE WHEN i % 10 = 0 THEN 'north' ELSE 'unit' || (i % 10) END, 'WALK_IN', 'SOON',
              '{}', 'c' || (i % 200), now() - (i || ' minutes')::interval,
              ARRAY['c' || (i % 200)], 'c' || (i % 200), i % 10 <> 1, now(), 1
            FROM generate_series(1, :n) i
            """)
        .param("n", CASES)
        .update();
    jdbc.sql(
            """
            INSERT INTO crisis_view (crisis_id, unit, channel, caller, opened_by, opened_at, risk,
              closed, updated_at, version)
            SELECT gen_random_uuid(), CASE WHEN i % 10 = 0 THEN 'north' ELSE 'unit' || (i % 10) END,
              'HOTLINE', 'SELF', 'w' || (i % 50), now() - (i || ' minutes')::interval, 'MODERATE',
              i % 50 <> 1, now(), 1
            FROM generate_series(1, :n) i
            """)
        .param("n", CASES / 5)
        .update();
    jdbc.sql("ANALYZE intake_view").update();
    jdbc.sql("ANALYZE crisis_view").update();
    Actor sam = new Actor("sam", Role.SUPERVISOR, "north");
    long[] counsellor = timeQueries(() -> caseloadOf(ALICE));
    long[] supervisor = timeQueries(() -> caseloadOf(sam));
    HttpClient http = HttpClient.newBuilder().build();
    String carol = basic("carol");
    long[] board =
        timeQueries(
            () -> {
              HttpResponse<String> answer = get(http, carol, "/api/crisis-board");
              assertThat(answer.statusCode()).isEqualTo(200);
            });
    String alice = basic("alice");
    long[] caseloadHttp =
        timeQueries(
            () -> {
              HttpResponse<String> answer = get(http, alice, "/api/caseload");
              assertThat(answer.statusCode()).isEqualTo(200);
            });
    results.put(
        "queriesAt100kCases",
        Map.of(
            "counsellorCaseloadP99ms", pct(counsellor, 99) / 1e6,
            "supervisorCaseloadP99ms", pct(supervisor, 99) / 1e6,
            "caseloadHttpP99ms", pct(caseloadHttp, 99) / 1e6,
            "crisisBoardHttpP99ms", pct(board, 99) / 1e6));
    row(
        "7. caseload query, counsellor, " + CASES + " cases stored",
        "p50 " + ms(pct(counsellor, 50)),
        "p99 " + ms(pct(counsellor, 99)),
        "target p99 < 20 ms");
    row(
        "7. caseload query, supervisor's unit view",
        "p50 " + ms(pct(supervisor, 50)),
        "p99 " + ms(pct(supervisor, 99)),
        "target p99 < 20 ms");
    row(
        "7. GET /api/caseload over HTTP",
        "p50 " + ms(pct(caseloadHttp, 50)),
        "p99 " + ms(pct(caseloadHttp, 99)),
        "target p99 < 20 ms");
    row(
        "7. GET /api/crisis-board over HTTP, " + CASES / 5 + " episodes stored",
        "p50 " + ms(pct(board, 50)),
        "p99 " + ms(pct(board, 99)),
        "target p99 < 20 ms");
  }

  // 5. Reset and rebuild every projection, against a raw sequential read of the event table.
  private void replay() throws Exception {
    long existing = jdbc.sql("SELECT count(*) FROM domainevententry").query(Long.class).single();
    int cases = (int) Math.max(1, (REPLAY_EVENTS - existing) / 100);
    for (int c = 0; c < cases; c++) {
      UUID intake = UUID.randomUUID();
      List<Object> events = new ArrayList<>(caseOpening(intake, c));
      while (events.size() < 100) {
        events.add(note(intake));
      }
      append(intake, 0, events);
    }
    long total = jdbc.sql("SELECT count(*) FROM domainevententry").query(Long.class).single();
    long head =
        jdbc.sql("SELECT max(globalindex) FROM domainevententry").query(Long.class).single();

    long t0 = System.nanoTime();
    long read = 0;
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.setFetchSize(1000);
        try (ResultSet rows =
            s.executeQuery(
                "SELECT globalindex, aggregateidentifier, sequencenumber, type, eventidentifier,"
                    + " metadata, payload, payloadtype, timestamp FROM domainevententry"
                    + " ORDER BY globalindex")) {
          while (rows.next()) {
            rows.getBytes("payload");
            read++;
          }
        }
      }
      c.commit();
    }
    double rawRead = read / ((System.nanoTime() - t0) / 1e9);

    t0 = System.nanoTime();
    List<String> replayed;
    Map<String, Object> profile;
    try (ThreadSampler sampler = new ThreadSampler("EventProcessor")) {
      replayed = readModels.replay();
      System.out.printf(
          "Replay: processors stopped and reset in %.1f s%n", (System.nanoTime() - t0) / 1e9);
      awaitProjectionsAt(head, Duration.ofMinutes(QUICK ? 3 : 20));
      profile = sampler.report(12);
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    System.out.println("Replay profile (event processor threads): " + profile);
    double rate = total / seconds;
    replayEventsPerSecond = rate;
    results.put(
        "replay",
        Map.of(
            "events", total,
            "projections", replayed,
            "seconds", seconds,
            "eventsPerSecond", rate,
            "rawReadRowsPerSecond", rawRead,
            "ratio", rate / rawRead,
            "profile", profile));
    row(
        "5. replay of every projection over " + fmt(total) + " events",
        fmt(rate) + " events/s",
        "raw sequential read " + fmt(rawRead) + " rows/s",
        String.format("%.2fx raw read (target >= 30,000 events/s)", rate / rawRead));
  }

  // 9. Tamper evidence: chaining everything stored (the chain started over), then verifying it.
  private void auditChain() throws Exception {
    jdbc.sql("TRUNCATE event_chain, event_chain_head").update();
    long t0 = System.nanoTime();
    long chained = 0;
    for (int round; (round = auditChain.extend()) > 0; ) {
      chained += round;
    }
    double chainSeconds = (System.nanoTime() - t0) / 1e9;
    t0 = System.nanoTime();
    AuditChain.Verification outcome = auditChain.verify();
    double verifySeconds = (System.nanoTime() - t0) / 1e9;
    assertThat(outcome.valid()).as(outcome.toString()).isTrue();
    results.put(
        "auditChain",
        Map.of(
            "chained",
            chained,
            "chainedPerSecond",
            chained / chainSeconds,
            "verified",
            outcome.checked(),
            "verifiedPerSecond",
            outcome.checked() / verifySeconds));
    row(
        "9. audit chain over " + fmt(outcome.checked()) + " events",
        fmt(outcome.checked() / verifySeconds) + " events/s verified",
        fmt(chained / chainSeconds) + " events/s chained (the whole store, from the start)",
        "");
  }

  // 10. What encryption adds to an event, in this run: the same events written and read by the
  // platform's serializer and by one that leaves the fields plain, in alternating rounds, so that
  // a slower minute of the machine weighs on both alike. Two runs of the whole benchmark, one
  // with -Dmaplebridge.crypto.encryption=false, cannot show a 10% difference on this machine: the
  // raw baseline alone moves by a third between runs.
  private void encryptionCost() throws Exception {
    Serializer unencrypted =
        JacksonSerializer.builder()
            .objectMapper(
                new ObjectMapper()
                    .findAndRegisterModules()
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES))
            .build();
    UUID intake = openCase();
    Map<String, Object> figures = new LinkedHashMap<>();
    for (Object event : List.of(note(intake), caseOpening(intake, 0).get(0))) {
      String kind = event.getClass().getSimpleName();
      SerializedObject<byte[]> encrypted = serializer.serialize(event, byte[].class);
      SerializedObject<byte[]> plain = unencrypted.serialize(event, byte[].class);
      assertThat(new String(encrypted.getData(), StandardCharsets.UTF_8)).contains("enc:v1:");
      assertThat((Object) serializer.deserialize(encrypted)).isEqualTo(event);
      double[] write =
          alternating(
              () -> serializer.serialize(event, byte[].class),
              () -> unencrypted.serialize(event, byte[].class));
      double[] read =
          alternating(
              () -> serializer.deserialize(encrypted), () -> unencrypted.deserialize(plain));
      figures.put(
          kind,
          Map.of(
              "writeMicros", Map.of("encrypted", write[0], "plain", write[1]),
              "readMicros", Map.of("encrypted", read[0], "plain", read[1])));
      String share = "";
      if (event instanceof SessionNoteAdded) {
        double writeCost = write[0] - write[1];
        double readCost = read[0] - read[1];
        List<String> shares = new ArrayList<>();
        if (commandP50Nanos != null) {
          double ofCommand = writeCost * 1000 / commandP50Nanos;
          figures.put("shareOfACommand", ofCommand);
          shares.add(String.format("%.1f%% of a command (p50, 1 caller)", 100 * ofCommand));
        }
        if (replayEventsPerSecond != null) {
          // Each of the replaying processors that handles a note decodes it itself.
          double ofReplay = readCost * 1e-6 * processorsHandlingNotes() * replayEventsPerSecond;
          figures.put("shareOfReplay", ofReplay);
          shares.add(String.format("at most %.1f%% of the replay's time", 100 * ofReplay));
        }
        share = String.join(", ", shares) + " (target < 10% / < 20%)";
      }
      row(
          "10. encryption, one " + kind + " (" + encrypted.getData().length + " bytes)",
          String.format("+%.1f µs written, +%.1f µs read", write[0] - write[1], read[0] - read[1]),
          String.format(
              "encrypted %.1f / %.1f µs, plain %.1f / %.1f µs",
              write[0], read[0], write[1], read[1]),
          share);
    }
    results.put("encryption", figures);
  }

  private long processorsHandlingNotes() {
    return processing.eventProcessors().values().stream()
        .filter(
            processor ->
                processor instanceof AbstractEventProcessor handling
                    && processor instanceof StreamingEventProcessor streaming
                    && streaming.supportsReset()
                    && handling.eventHandlerInvoker().canHandleType(SessionNoteAdded.class))
        .count();
  }

  /** Median µs per call of each step, over rounds that take turns. */
  private static double[] alternating(Step encrypted, Step plain) throws Exception {
    int rounds = QUICK ? 10 : 30;
    int calls = 2_000;
    double[][] micros = new double[2][rounds];
    Step[] steps = {encrypted, plain};
    for (int round = -3; round < rounds; round++) {
      for (int turn = 0; turn < 2; turn++) {
        int which = (round + turn) % 2 == 0 ? 0 : 1;
        long t0 = System.nanoTime();
        for (int i = 0; i < calls; i++) {
          steps[which].run();
        }
        if (round >= 0) {
          micros[which][round] = (System.nanoTime() - t0) / 1e3 / calls;
        }
      }
    }
    return new double[] {median(micros[0]), median(micros[1])};
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  // 8. Memory and start-up.
  private void heapAndStartUp() throws Exception {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    // The peak counts garbage the collector had not yet needed to reclaim; what the platform
    // really holds is what stays after a full collection.
    System.gc();
    long live = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        live += pool.getUsage().getUsed();
      }
    }
    Path data = Files.createTempDirectory("maplebridge-bench-start");
    int port = PlatformProcess.freePort();
    String jar = System.getProperty("maplebridge.jar");
    Double startSeconds = null;
    if (jar != null && Files.exists(Path.of(jar))) {
      PlatformProcess platform =
          PlatformProcess.start(
              "benchmark-start",
              port,
              List.of(
                  "--maplebridge.embedded-postgres.data-directory=" + data.resolve("pg"),
                  "--maplebridge.embedded-postgres.port=" + PlatformProcess.freePort()));
      startSeconds = platform.awaitHealthy(Duration.ofSeconds(120)).toMillis() / 1000.0;
      platform.stop();
    }
    results.put("peakHeapMb", peak / 1024.0 / 1024.0);
    results.put("liveHeapAfterGcMb", live / 1024.0 / 1024.0);
    results.put("startSecondsNewDataDirectory", startSeconds);
    row(
        "8. peak heap (benchmark JVM: platform and load)",
        fmt(peak / 1024.0 / 1024.0) + " MB",
        fmt(live / 1024.0 / 1024.0) + " MB live after a full GC",
        "max heap " + Runtime.getRuntime().maxMemory() / 1024 / 1024 + " MB");
    row(
        "8. start-up of the packaged platform, new data directory",
        startSeconds == null ? "not measured" : String.format("%.1f s to healthy", startSeconds),
        "JVM and embedded PostgreSQL included",
        "");
  }

  // ---- helpers

  private void warmUp() throws Exception {
    UUID intake = openCase();
    for (int i = 0; i < 300; i++) {
      send(IntakeCommandsForTests.note(intake, "Warm-up " + i));
    }
  }

  private UUID openCase() {
    UUID intake = UUID.randomUUID();
    send(IntakeCommandsForTests.open(intake));
    send(IntakeCommandsForTests.consent(intake));
    return intake;
  }

  private void send(Object command) {
    send(command, ALICE);
  }

  private void send(Object command, Actor actor) {
    commands.sendAndWait(
        GenericCommandMessage.asCommandMessage(command).withMetaData(ActorMetadata.of(actor)));
  }

  private List<CaseloadItem> caseloadOf(Actor viewer) {
    return queries
        .query(
            new FindCaseload(viewer, new PageRequest<>(Paging.DEFAULT_LIMIT, null)), Caseload.class)
        .join()
        .items();
  }

  private static List<Object> caseOpening(UUID intake, int number) {
    return List.of(
        new IntakeOpened(
            intake,
            UUID.randomUUID(),
            "C-2019-" + String.format("%06d", number),
            new ClientIdentity(
                "Bench Client", java.time.LocalDate.of(1980, 1, 1), "123", null, null),
            IntakeSource.WALK_IN,
            "Bench",
            Urgency.SOON,
            Set.of(),
            "north",
            null,
            "alice"),
        new ConsentRecorded(
            intake, ConsentScope.COUNSELLING, ConsentGiver.CLIENT, ConsentMethod.VERBAL, "alice"));
  }

  private static SessionNoteAdded note(UUID intake) {
    return new SessionNoteAdded(
        intake, UUID.randomUUID(), "Bench note text of a usual length", "alice");
  }

  private void appendNotes(UUID intake, long fromSequence, int count) throws Exception {
    List<Object> events = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      events.add(note(intake));
    }
    append(intake, fromSequence, events);
  }

  /** Stores events as Axon would, in batches of 1,000 rows per transaction. */
  private void append(UUID aggregate, long firstSequence, List<Object> events) throws Exception {
    byte[] metadata = serializer.serialize(MetaData.emptyInstance(), byte[].class).getData();
    try (Connection c = dataSource.getConnection();
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type,"
                    + " eventidentifier, metadata, payload, payloadtype, timestamp)"
                    + " VALUES (?, ?, 'Intake', ?, ?, ?, ?, ?)")) {
      c.setAutoCommit(false);
      long sequence = firstSequence;
      for (Object event : events) {
        SerializedObject<byte[]> payload = serializer.serialize(event, byte[].class);
        insert.setString(1, aggregate.toString());
        insert.setLong(2, sequence++);
        insert.setString(3, UUID.randomUUID().toString());
        insert.setBytes(4, metadata);
        insert.setBytes(5, payload.getData());
        insert.setString(6, payload.getType().getName());
        insert.setString(7, Instant.now().toString());
        insert.addBatch();
        if (sequence % 1000 == 0) {
          insert.executeBatch();
          c.commit();
        }
      }
      insert.executeBatch();
      c.commit();
    }
  }

  private void awaitProjectionsAt(long head, Duration within) throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    while (System.nanoTime() < deadline) {
      boolean done = true;
      for (var processor : processing.eventProcessors().values()) {
        if (processor instanceof StreamingEventProcessor streaming && streaming.supportsReset()) {
          done &=
              !streaming.isReplaying()
                  && !streaming.processingStatus().isEmpty()
                  && streaming.processingStatus().values().stream()
                      .allMatch(s -> s.getCurrentPosition().orElse(-1) >= head);
        }
      }
      if (done) {
        return;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("Replay did not finish within " + within);
  }

  private interface Step {
    void run() throws Exception;
  }

  private record Run(double rate, long[] latencies) {
    long p(int percentile) {
      return pct(latencies, percentile);
    }
  }

  /** {@code callers} threads doing {@code step} for SPAN after a short warm-up of their own. */
  private Run run(int callers, Step step) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    AtomicBoolean measuring = new AtomicBoolean();
    AtomicBoolean stop = new AtomicBoolean();
    List<List<Long>> perCaller = new ArrayList<>();
    CountDownLatch done = new CountDownLatch(callers);
    for (int i = 0; i < callers; i++) {
      List<Long> mine = new ArrayList<>();
      perCaller.add(mine);
      pool.submit(
          () -> {
            try {
              while (!stop.get()) {
                long t0 = System.nanoTime();
                step.run();
                if (measuring.get()) {
                  mine.add(System.nanoTime() - t0);
                }
              }
            } catch (Exception e) {
              throw new IllegalStateException(e);
            } finally {
              done.countDown();
            }
            return null;
          });
    }
    Thread.sleep(500);
    measuring.set(true);
    long started = System.nanoTime();
    Thread.sleep(SPAN.toMillis());
    measuring.set(false);
    double seconds = (System.nanoTime() - started) / 1e9;
    stop.set(true);
    done.await(60, TimeUnit.SECONDS);
    pool.shutdownNow();
    long[] all =
        perCaller.stream().flatMap(List::stream).mapToLong(Long::longValue).sorted().toArray();
    return new Run(all.length / seconds, all);
  }

  private static long[] timeQueries(Step query) throws Exception {
    for (int i = 0; i < 50; i++) {
      query.run();
    }
    long[] times = new long[QUICK ? 200 : 1000];
    for (int i = 0; i < times.length; i++) {
      long t0 = System.nanoTime();
      query.run();
      times[i] = System.nanoTime() - t0;
    }
    Arrays.sort(times);
    return times;
  }

  private static long pct(long[] sorted, int percentile) {
    if (sorted.length == 0) {
      return 0;
    }
    int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  private String basic(String user) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
  }

  private String asAlice(HttpClient http, String alice) throws Exception {
    HttpResponse<String> opened = post(http, alice, "/api/intakes", NEW_CLIENT_INTAKE);
    String id = new ObjectMapper().readTree(opened.body()).get("id").asText();
    post(
        http,
        alice,
        "/api/intakes/" + id + "/consents",
        "{\"scope\":\"COUNSELLING\",\"givenBy\":\"CLIENT\",\"method\":\"VERBAL\"}");
    return id;
  }

  private HttpResponse<String> post(HttpClient http, String auth, String path, String body) {
    try {
      return http.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
              .header("Authorization", auth)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private HttpResponse<String> get(HttpClient http, String auth, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Authorization", auth)
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static Map<String, Object> machine() {
    Map<String, Object> machine = new LinkedHashMap<>();
    machine.put("cpus", Runtime.getRuntime().availableProcessors());
    machine.put("maxHeapMb", Runtime.getRuntime().maxMemory() / 1024 / 1024);
    machine.put("java", System.getProperty("java.version"));
    machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    machine.put("postgres", "embedded PostgreSQL 17, synchronous_commit=on");
    return machine;
  }

  private void row(String what, String figure, String detail, String against) {
    table.add(new String[] {what, figure, detail, against});
    System.out.printf("%-70s | %-22s | %-32s | %s%n", what, figure, detail, against);
  }

  private void write() throws Exception {
    Path out = Path.of("target", "benchmark");
    Files.createDirectories(out);
    results.put("measuredAt", Instant.now().toString());
    new ObjectMapper()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .writeValue(out.resolve("results.json").toFile(), results);
    StringBuilder md =
        new StringBuilder("| measure | result | detail | against |\n|---|---|---|---|\n");
    for (String[] r : table) {
      md.append("| ").append(String.join(" | ", r)).append(" |\n");
    }
    md.append("\nMachine: ").append(results.get("machine"));
    md.append("; new events encrypted: ").append(encryptingNewEvents).append('\n');
    Files.writeString(out.resolve("results.md"), md.toString());
    System.out.println(md);
  }

  private static String ms(long nanos) {
    return String.format("%.1f ms", nanos / 1e6);
  }

  private static String fmt(double value) {
    return String.format("%,.0f", value);
  }
}
