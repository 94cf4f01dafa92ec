package org.maplebridge.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.maplebridge.events.access.AccessRefused;
import org.maplebridge.events.access.EmergencyAccessEvent;
import org.maplebridge.events.access.RecordViewed;
import org.maplebridge.events.client.ClientEvent;
import org.maplebridge.events.crisis.CrisisEvent;
import org.maplebridge.events.directory.ProviderEvent;
import org.maplebridge.events.directory.ProviderRegistered;
import org.maplebridge.events.intake.IntakeEvent;
import org.maplebridge.events.oncall.OnCallEvent;
import org.maplebridge.events.privacy.PrivacyEvent;
import org.maplebridge.events.referral.ReferralEvent;

/**
 * Stored events are read back for as long as records are kept: their JSON is a contract. Every
 * event of every aggregate gets a sample (filled in from its components), whose JSON is compared
 * with a snapshot under src/test/resources/contract; a change that breaks it fails here and needs
 * an upcaster. Run with -Dcontract.update=true to record the snapshots of new events.
 */
class EventContractTest {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .findAndRegisterModules()
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(SerializationFeature.INDENT_OUTPUT);
  private static final List<Class<?>> FAMILIES =
      List.of(
          IntakeEvent.class,
          CrisisEvent.class,
          ReferralEvent.class,
          ProviderEvent.class,
          EmergencyAccessEvent.class,
          OnCallEvent.class,
          PrivacyEvent.class,
          ClientEvent.class);

  static Stream<Class<?>> events() {
    return Stream.concat(
        FAMILIES.stream().flatMap(family -> Arrays.stream(family.getPermittedSubclasses())),
        Stream.of(RecordViewed.class, AccessRefused.class));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("events")
  void theStoredJsonOfAnEventKeepsItsShape(Class<?> type) throws IOException {
    Object event = sample(type, type.getSimpleName());
    String json = JSON.writeValueAsString(event) + "\n";
    Path snapshot = Path.of("src/test/resources/contract", type.getSimpleName() + ".json");
    if (Boolean.getBoolean("contract.update")) {
      Files.writeString(snapshot, json, StandardCharsets.UTF_8);
    }
    assertThat(snapshot).as("snapshot of " + type.getSimpleName()).exists();
    assertThat(json).isEqualTo(Files.readString(snapshot, StandardCharsets.UTF_8));
    assertThat(JSON.readValue(Files.readString(snapshot), type)).isEqualTo(event);
  }

  @Test
  void aProviderStoredBeforeOtherTaxonomyTermsWereKeptReadsWithNone() throws IOException {
    ProviderRegistered old =
        JSON.readValue(
            Files.readString(
                Path.of(
                    "src/test/resources/contract/before",
                    "ProviderRegistered-without-other-taxonomy-terms.json")),
            ProviderRegistered.class);
    assertThat(old.details().website()).isEqualTo("website");
    assertThat(old.details().otherTaxonomyTerms()).isEmpty();
  }

  /** A deterministic value of {@code type}; records are filled component by component. */
  private static Object sample(Type type, String name) {
    if (type instanceof ParameterizedType parameterized) {
      Object element = sample(parameterized.getActualTypeArguments()[0], name);
      return parameterized.getRawType() == Set.class ? Set.of(element) : List.of(element);
    }
    Class<?> raw = (Class<?>) type;
    if (raw == UUID.class) {
      return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
    if (raw == String.class) {
      return name;
    }
    if (raw == Instant.class) {
      return Instant.parse("2026-11-27T08:30:00Z");
    }
    if (raw == LocalDate.class) {
      return LocalDate.of(1990, 3, 4);
    }
    if (raw == int.class || raw == Integer.class) {
      return 2;
    }
    if (raw == long.class || raw == Long.class) {
      return 3L;
    }
    if (raw == boolean.class || raw == Boolean.class) {
      return true;
    }
    if (raw.isEnum()) {
      return raw.getEnumConstants()[0];
    }
    if (raw.isRecord()) {
      RecordComponent[] components = raw.getRecordComponents();
      Object[] values = new Object[components.length];
      Class<?>[] types = new Class<?>[components.length];
      for (int i = 0; i < components.length; i++) {
        values[i] = sample(components[i].getGenericType(), components[i].getName());
        types[i] = components[i].getType();
      }
      try {
        return raw.getDeclaredConstructor(types).newInstance(values);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalArgumentException("No sample for " + type);
  }
}
