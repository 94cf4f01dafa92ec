package org.maplebridge.access;

import java.util.Optional;
import org.maplebridge.access.EmergencyAccess.RecordRef;
import org.maplebridge.access.EmergencyAccess.Records;
import org.maplebridge.crisis.CrisisFacts;
import org.maplebridge.intake.IntakeFacts;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EmergencyAccessSettings.class)
class EmergencyAccessConfiguration {

  /** A record is an intake or a crisis episode; each knows its unit. */
  @Bean
  Records emergencyAccessRecords(IntakeFacts intakes, CrisisFacts crises) {
    return recordId -> {
      Optional<RecordRef> intake =
          intakes.of(recordId).map(facts -> new RecordRef("INTAKE", facts.unit()));
      return intake.isPresent()
          ? intake
          : crises.of(recordId).map(facts -> new RecordRef("CRISIS", facts.unit()));
    };
  }
}
