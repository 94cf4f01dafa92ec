package org.maplebridge.benchmark;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where the event processors spend their time: samples their stacks every few milliseconds and
 * counts, per sample, the innermost frame of our code or of the libraries that matter (Axon,
 * Jackson, the PostgreSQL driver), and whether the thread waits on the database socket.
 */
final class ThreadSampler implements AutoCloseable {
  private final Map<String, AtomicLong> frames = new ConcurrentHashMap<>();
  private final AtomicLong samples = new AtomicLong();
  private final AtomicLong onTheSocket = new AtomicLong();
  private final AtomicLong idle = new AtomicLong();
  private final Thread sampler;
  private volatile boolean running = true;

  ThreadSampler(String threadNamePart) {
    sampler =
        new Thread(
            () -> {
              while (running) {
                Thread.getAllStackTraces()
                    .forEach(
                        (thread, stack) -> {
                          if (!thread.getName().contains(threadNamePart)) {
                            return;
                          }
                          if (thread.getState() == Thread.State.WAITING
                              || thread.getState() == Thread.State.TIMED_WAITING) {
                            idle.incrementAndGet();
                            count("idle, in " + caller(stack));
                          } else {
                            record(stack);
                          }
                        });
                try {
                  Thread.sleep(5);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "benchmark-sampler");
    sampler.setDaemon(true);
    sampler.start();
  }

  private void record(StackTraceElement[] stack) {
    samples.incrementAndGet();
    for (StackTraceElement frame : stack) {
      if (frame.getClassName().startsWith("java.net.")
          || frame.getClassName().startsWith("sun.nio.ch.")) {
        onTheSocket.incrementAndGet();
        count("database, for " + caller(stack));
        break;
      }
      if (frame.getClassName().startsWith("java.")
          || frame.getClassName().startsWith("jdk.")
          || frame.getClassName().startsWith("sun.")) {
        continue;
      }
      count(name(frame));
      break;
    }
  }

  /**
   * Who waits: the innermost frame of ours, Axon's or Spring's transactions; else of any library.
   */
  private static String caller(StackTraceElement[] stack) {
    for (StackTraceElement frame : stack) {
      String type = frame.getClassName();
      if (type.startsWith("org.maplebridge.")
          || type.startsWith("org.axonframework.")
          || type.startsWith("org.springframework.transaction.")) {
        return name(frame);
      }
    }
    for (StackTraceElement frame : stack) {
      String type = frame.getClassName();
      if (!type.startsWith("java.")
          && !type.startsWith("jdk.")
          && !type.startsWith("sun.")
          && !type.startsWith("org.postgresql.")) {
        return name(frame);
      }
    }
    return "?";
  }

  private static String name(StackTraceElement frame) {
    return frame.getClassName().replaceAll("\\$.*", "") + "." + frame.getMethodName();
  }

  private void count(String key) {
    frames.computeIfAbsent(key, name -> new AtomicLong()).incrementAndGet();
  }

  /** The share of samples spent waiting on the database, and the hottest frames otherwise. */
  Map<String, Object> report(int top) {
    long total = Math.max(1, samples.get());
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("samples", samples.get());
    report.put("waitingOnTheDatabase", (double) onTheSocket.get() / total);
    report.put("idleSamples", idle.get());
    List<Map.Entry<String, AtomicLong>> hottest =
        frames.entrySet().stream()
            .sorted(Comparator.comparingLong(e -> -e.getValue().get()))
            .limit(top)
            .toList();
    Map<String, Double> shares = new LinkedHashMap<>();
    hottest.forEach(e -> shares.put(e.getKey(), (double) e.getValue().get() / total));
    report.put("hottestFrames", shares);
    return report;
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    sampler.join();
  }
}
