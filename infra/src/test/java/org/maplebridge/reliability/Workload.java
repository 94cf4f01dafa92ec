package org.maplebridge.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.maplebridge.Api;
import org.maplebridge.Api.Response;
import org.maplebridge.PlatformTest;

/**
 * A client-side record of a mixed load, the way trusted stores are tested: every write carries an
 * Idempotency-Key and is sent again with the same key until it gets a definite answer (the platform
 * may be down, restarting, or its database unreachable); every acknowledged write is remembered so
 * that it can be reconciled with what was stored and projected.
 */
final class Workload {
  /** An acknowledged write: what it did, to which record, and the id it created. */
  record Ack(String kind, String recordId, String createdId) {}

  private final Function<String, Api> staff;
  private final Random random;
  private final List<String> intakes = new CopyOnWriteArrayList<>();
  private final List<String> crises = new CopyOnWriteArrayList<>();
  final ConcurrentLinkedQueue<Ack> acknowledged = new ConcurrentLinkedQueue<>();
  final AtomicLong attempts = new AtomicLong();
  final AtomicLong unavailable = new AtomicLong();
  final AtomicLong serverErrors = new AtomicLong();
  final AtomicLong conflicts = new AtomicLong();

  Workload(Function<String, Api> staff, long seed) {
    this.staff = staff;
    this.random = new Random(seed);
  }

  /** Writes until {@code stop} is set, from one caller. */
  void run(AtomicBoolean stop) {
    while (!stop.get()) {
      step();
    }
  }

  void step() {
    int pick;
    synchronized (random) {
      pick = random.nextInt(10);
    }
    if (intakes.isEmpty() || pick < 2) {
      openIntake();
    } else if (pick < 6) {
      note(any(intakes));
    } else if (crises.isEmpty() || pick < 7) {
      openCrisis();
    } else {
      assess(any(crises));
    }
  }

  private void openIntake() {
    Response opened = send("alice", "/api/intakes", PlatformTest.NEW_CLIENT_INTAKE);
    if (opened != null && opened.status() == 201) {
      String id = opened.id();
      Response consent =
          send(
              "alice",
              "/api/intakes/" + id + "/consents",
              "{\"scope\":\"COUNSELLING\",\"givenBy\":\"CLIENT\",\"method\":\"VERBAL\"}");
      acknowledged.add(new Ack("IntakeOpened", id, id));
      if (consent != null && consent.status() < 300) {
        intakes.add(id);
      }
    }
  }

  private void note(String intake) {
    Response note =
        send(
            "alice",
            "/api/intakes/" + intake + "/notes",
            "{\"text\":\"Load note " + UUID.randomUUID() + "\"}");
    if (note != null && note.status() == 201) {
      acknowledged.add(new Ack("SessionNoteAdded", intake, note.id()));
    }
  }

  private void openCrisis() {
    Response opened =
        send(
            "carol",
            "/api/crises",
            "{\"channel\":\"HOTLINE\",\"caller\":\"SELF\",\"summary\":\"Load call\"}");
    if (opened != null && opened.status() == 201) {
      crises.add(opened.id());
      acknowledged.add(new Ack("CrisisContactOpened", opened.id(), opened.id()));
    }
  }

  private void assess(String crisis) {
    Response assessed =
        send(
            "carol",
            "/api/crises/" + crisis + "/risk-assessments",
            "{\"level\":\"LOW\",\"notes\":\"Load assessment\"}");
    if (assessed != null && assessed.status() == 201) {
      acknowledged.add(new Ack("RiskAssessed", crisis, assessed.id()));
    }
  }

  /**
   * Sends until a definite answer: the same key again after a connection failure or a 503, for up
   * to two minutes, to whichever instance the client uses by then. 409 (a concurrent write won) is
   * definite: nothing was written.
   */
  private Response send(String user, String path, String body) {
    String key = UUID.randomUUID().toString();
    long until = System.nanoTime() + 120_000_000_000L;
    while (System.nanoTime() < until) {
      attempts.incrementAndGet();
      try {
        // Asked again on every attempt: the client may have moved to another instance.
        Response answer = staff.apply(user).with("Idempotency-Key", key).post(path, body);
        if (answer.status() == 503) {
          unavailable.incrementAndGet();
        } else if (answer.status() >= 500) {
          serverErrors.incrementAndGet();
          return answer;
        } else {
          if (answer.status() == 409) {
            conflicts.incrementAndGet();
          }
          return answer;
        }
      } catch (IllegalStateException platformDown) {
        unavailable.incrementAndGet();
      }
      pause(200);
    }
    return null;
  }

  private String any(List<String> ids) {
    synchronized (random) {
      return ids.get(random.nextInt(ids.size()));
    }
  }

  List<Ack> acknowledged(String kind) {
    List<Ack> acks = new ArrayList<>();
    for (Ack ack : acknowledged) {
      if (ack.kind().equals(kind)) {
        acks.add(ack);
      }
    }
    return acks;
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
