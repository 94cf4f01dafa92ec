package org.maplebridge.platform.web;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/** Demo accounts share a known password: a demo platform listens on localhost only. */
class DemoBindsToLocalhost implements EnvironmentPostProcessor {

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication app) {
    if (Boolean.parseBoolean(environment.getProperty("maplebridge.demo", "false"))) {
      environment
          .getPropertySources()
          .addFirst(
              new MapPropertySource("maplebridge-demo", Map.of("server.address", "127.0.0.1")));
    }
  }
}
