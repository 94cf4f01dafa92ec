package org.maplebridge.platform.observability;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells the person who started the platform where it is and how to sign in. */
@Component
class StartupBanner {
  private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);
  private final String address;
  private final boolean demo;

  StartupBanner(
      @Value("${server.address:localhost}") String address,
      @Value("${maplebridge.demo:false}") boolean demo) {
    this.address = address;
    this.demo = demo;
  }

  @EventListener
  void ready(WebServerInitializedEvent event) {
    String url =
        "http://"
            + ("0.0.0.0".equals(address) ? "localhost" : address)
            + ":"
            + event.getWebServer().getPort();
    log.info(
        "MapleBridge is up at {} (API under {}/api, OpenAPI at {}/swagger-ui.html). Sign in {}",
        url,
        url,
        url,
        demo
            ? "as alice, bob, carol, sam, dave, erin or admin with the demo password"
            : "with your staff account (first start: 'admin', password printed above)");
  }
}
