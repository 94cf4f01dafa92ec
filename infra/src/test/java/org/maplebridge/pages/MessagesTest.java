package org.maplebridge.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.maplebridge.caseload.DuplicateClients;
import org.maplebridge.events.Role;
import org.maplebridge.events.crisis.Caller;
import org.maplebridge.events.crisis.ContactChannel;
import org.maplebridge.events.crisis.CrisisClosureReason;
import org.maplebridge.events.crisis.EmergencyAgency;
import org.maplebridge.events.crisis.EscalationTier;
import org.maplebridge.events.crisis.RescueResult;
import org.maplebridge.events.crisis.RiskLevel;
import org.maplebridge.events.directory.CapacityStatus;
import org.maplebridge.events.directory.ServiceType;
import org.maplebridge.events.intake.ClosureReason;
import org.maplebridge.events.intake.ConsentGiver;
import org.maplebridge.events.intake.ConsentMethod;
import org.maplebridge.events.intake.ConsentScope;
import org.maplebridge.events.intake.Instrument;
import org.maplebridge.events.intake.IntakeSource;
import org.maplebridge.events.intake.ScreeningFlag;
import org.maplebridge.events.intake.SeverityBand;
import org.maplebridge.events.intake.SuicideRisk;
import org.maplebridge.events.intake.Urgency;
import org.maplebridge.events.referral.ConsentBasis;
import org.maplebridge.events.referral.DeclineReason;
import org.maplebridge.events.referral.DisclosedField;
import org.maplebridge.events.referral.ReferralSide;
import org.maplebridge.events.referral.ReviewKind;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every label the pages show exists in both languages: each key a template names, and each value of
 * the enums the pages label, so no page ever shows a raw key or an untranslated word.
 */
class MessagesTest {
  private static final Map<String, Class<? extends Enum<?>>> LABELLED =
      Map.ofEntries(
          Map.entry("role.", Role.class),
          Map.entry("channel.", ContactChannel.class),
          Map.entry("caller.", Caller.class),
          Map.entry("crisisClosure.", CrisisClosureReason.class),
          Map.entry("agency.", EmergencyAgency.class),
          Map.entry("rescueResult.", RescueResult.class),
          Map.entry("tier.", EscalationTier.class),
          Map.entry("risk.", RiskLevel.class),
          Map.entry("capacity.", CapacityStatus.class),
          Map.entry("serviceType.", ServiceType.class),
          Map.entry("closureReason.", ClosureReason.class),
          Map.entry("consentGiver.", ConsentGiver.class),
          Map.entry("consentMethod.", ConsentMethod.class),
          Map.entry("consentScope.", ConsentScope.class),
          Map.entry("instrument.", Instrument.class),
          Map.entry("source.", IntakeSource.class),
          Map.entry("flag.", ScreeningFlag.class),
          Map.entry("band.", SeverityBand.class),
          Map.entry("suicideRisk.", SuicideRisk.class),
          Map.entry("urgency.", Urgency.class),
          Map.entry("consentBasis.", ConsentBasis.class),
          Map.entry("declineReason.", DeclineReason.class),
          Map.entry("disclosedField.", DisclosedField.class),
          Map.entry("referralSide.", ReferralSide.class),
          Map.entry("reviewKind.", ReviewKind.class),
          Map.entry("duplicates.alike.", DuplicateClients.Alike.class));

  private static final Pattern LITERAL_KEY = Pattern.compile("#\\{([a-zA-Z0-9_.]+)[(}]");

  @Test
  void bothLanguagesHaveTheSameLabels() throws IOException {
    assertThat(load("messages_zh_CN.properties").stringPropertyNames())
        .containsExactlyInAnyOrderElementsOf(load("messages.properties").stringPropertyNames());
  }

  @Test
  void everyLabelATemplateNamesExists() throws IOException {
    Set<String> labels = load("messages.properties").stringPropertyNames();
    Resource[] templates =
        new PathMatchingResourcePatternResolver().getResources("classpath*:templates/**/*.html");
    assertThat(templates.length).as("the pages of all modules").isGreaterThanOrEqualTo(15);
    Set<String> missing = new TreeSet<>();
    for (Resource template : templates) {
      Matcher key = LITERAL_KEY.matcher(template.getContentAsString(StandardCharsets.UTF_8));
      while (key.find()) {
        if (!labels.contains(key.group(1))) {
          missing.add(template.getFilename() + ": " + key.group(1));
        }
      }
    }
    assertThat(missing).isEmpty();
  }

  @Test
  void everyValueThePagesShowHasALabel() throws IOException {
    Set<String> labels = load("messages.properties").stringPropertyNames();
    List<String> missing = new ArrayList<>();
    LABELLED.forEach(
        (prefix, type) -> {
          for (Enum<?> value : type.getEnumConstants()) {
            if (!labels.contains(prefix + value.name())) {
              missing.add(prefix + value.name());
            }
          }
        });
    assertThat(missing).isEmpty();
  }

  private static Properties load(String name) throws IOException {
    Properties properties = new Properties();
    try (var in =
        new InputStreamReader(
            MessagesTest.class.getResourceAsStream("/" + name), StandardCharsets.UTF_8)) {
      properties.load(in);
    }
    return properties;
  }
}
