package org.maplebridge.reliability;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.maplebridge.Api;
import org.maplebridge.Api.Response;

/** The packaged platform as an operator runs it: a separate JVM, killed or stopped at will. */
public final class PlatformProcess {
  private final Process process;
  public final int port;

  private PlatformProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts the jar in demo mode on {@code port}, with the given extra settings. */
  public static PlatformProcess start(String name, int port, List<String> settings)
      throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>();
    command.add(java);
    command.add("-Xmx512m");
    command.add("-jar");
    command.add(System.getProperty("maplebridge.jar"));
    command.add("--server.port=" + port);
    command.add("--maplebridge.demo=true");
    command.addAll(settings);
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(
                ProcessBuilder.Redirect.appendTo(Path.of("target", name + ".log").toFile()))
            .start();
    // A failed test must not leave platforms running after the test JVM.
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
    return new PlatformProcess(process, port);
  }

  /** Waits until the platform answers healthy; how long that took. */
  public Duration awaitHealthy(Duration within) throws InterruptedException {
    long started = System.nanoTime();
    Api anonymous = Api.anonymousAt(port);
    while (System.nanoTime() - started < within.toNanos()) {
      if (!process.isAlive()) {
        throw new AssertionError("The platform process exited; see target/*.log");
      }
      try {
        Response health = anonymous.get("/actuator/health");
        if (health.status() == 200) {
          return Duration.ofNanos(System.nanoTime() - started);
        }
      } catch (IllegalStateException notYetListening) {
        // keep waiting
      }
      Thread.sleep(200);
    }
    throw new AssertionError("Platform not healthy within " + within);
  }

  /** SIGKILL: no shutdown hook, no orderly anything. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** SIGTERM: an orderly stop; true when it ended within a minute. */
  public boolean stop() throws InterruptedException {
    process.destroy();
    return process.waitFor(60, TimeUnit.SECONDS);
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
