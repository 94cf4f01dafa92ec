package org.maplebridge.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.ErrorResponseException;

/**
 * Read-your-writes on a real event store's tables, with a projection that never catches up (the
 * projection itself is the only stand-in): who may wait, for what, and how many at once.
 */
class ReadYourWritesTest {
  private final JdbcClient jdbc = new ReadModelDatabase().jdbcClient();
  private final ReadYourWrites readYourWrites;

  ReadYourWritesTest() {
    jdbc.sql("CREATE TABLE domainevententry (globalindex BIGINT PRIMARY KEY)").update();
    jdbc.sql("INSERT INTO domainevententry VALUES (10)").update();
    jdbc.sql(
            "CREATE TABLE tokenentry (processorname VARCHAR(255), segment INT, token BYTEA,"
                + " tokentype VARCHAR(255))")
        .update();
    jdbc.sql("INSERT INTO tokenentry VALUES ('behind', 0, NULL, NULL)").update();
    StreamingEventProcessor behind = mock(StreamingEventProcessor.class);
    when(behind.processingStatus()).thenReturn(Map.of());
    EventProcessingConfiguration processing = mock(EventProcessingConfiguration.class);
    when(processing.eventProcessors()).thenReturn(Map.<String, EventProcessor>of("behind", behind));
    readYourWrites = new ReadYourWrites(processing, jdbc, null, Duration.ofSeconds(3), 1);
  }

  private static MockHttpServletRequest read(String token, boolean signedIn) {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/caseload");
    request.addHeader(ReadYourWrites.HEADER, token);
    if (signedIn) {
      request.setUserPrincipal(() -> "alice");
    }
    return request;
  }

  private boolean handle(MockHttpServletRequest request) {
    return readYourWrites.preHandle(request, new MockHttpServletResponse(), new Object());
  }

  @Test
  void onlySoManyReadsWaitAtOnce() {
    CompletableFuture<Boolean> waiting =
        CompletableFuture.supplyAsync(() -> handle(read("5", true)));
    await().pollDelay(Duration.ofMillis(300)).until(() -> !waiting.isDone());
    assertThatThrownBy(() -> handle(read("5", true)))
        .isInstanceOfSatisfying(
            ErrorResponseException.class,
            busy -> {
              assertThat(busy.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
              assertThat(busy.getHeaders().getFirst("Retry-After")).isEqualTo("1");
            });
    assertThat(waiting.join()).as("the first one waited its time, then read").isTrue();
  }

  @Test
  void aPositionTheStoreHasNotReachedIsRefusedAtOnce() {
    assertThatThrownBy(() -> handle(read("11", true)))
        .isInstanceOfSatisfying(
            ErrorResponseException.class,
            refused -> assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST));
    assertThatThrownBy(() -> handle(read("-1", true))).isInstanceOf(ErrorResponseException.class);
  }

  @Test
  void noOneWaitsBeforeSigningInOrWhileWriting() {
    long started = System.nanoTime();
    assertThat(handle(read("5", false))).isTrue();
    MockHttpServletRequest write = read("5", true);
    write.setMethod("POST");
    assertThat(handle(write)).isTrue();
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .as("neither waited the 3 s a signed-in read would")
        .isLessThan(Duration.ofSeconds(2));
  }
}
