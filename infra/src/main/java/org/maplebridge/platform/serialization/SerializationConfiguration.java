package org.maplebridge.platform.serialization;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.maplebridge.platform.encryption.EventEncryption;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * Two JSON mappers with different duties. The API mapper is strict: an unknown field (say a
 * client-supplied risk level) is bad input. The event mapper is what Axon stores events, metadata,
 * tokens and sagas with: ISO dates, no default typing, tolerant of fields that later versions drop,
 * personal and clinical fields encrypted.
 */
@Configuration(proxyBeanMethods = false)
class SerializationConfiguration {

  @Bean
  @Primary
  ObjectMapper objectMapper(Jackson2ObjectMapperBuilder builder) {
    return builder.build();
  }

  @Bean
  Jackson2ObjectMapperBuilderCustomizer strictApiJson() {
    return builder ->
        builder
            .failOnUnknownProperties(true)
            .featuresToEnable(
                DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
                DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .featuresToDisable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
  }

  /** Personal and clinical fields are encrypted per record in all Axon stores. */
  @Bean("defaultAxonObjectMapper")
  ObjectMapper defaultAxonObjectMapper(EventEncryption encryption) {
    return encryption.encrypting(
        new ObjectMapper()
            .findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES));
  }
}
