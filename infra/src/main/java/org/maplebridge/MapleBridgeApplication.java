package org.maplebridge;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The MapleBridge platform: command side, query side and their shared platform in one process. */
@SpringBootApplication
public class MapleBridgeApplication {

  public static void main(String[] args) {
    // AxonIQ's console advertisement adds nothing to a log people read during an incident.
    System.setProperty("disable-axoniq-console-message", "true");
    SpringApplication.run(MapleBridgeApplication.class, args);
  }
}
