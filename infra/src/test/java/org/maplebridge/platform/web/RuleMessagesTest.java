package org.maplebridge.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.maplebridge.events.crisis.CrisisStep;
import org.maplebridge.events.crisis.RiskLevel;
import org.maplebridge.events.intake.Urgency;
import org.maplebridge.events.referral.ReferralStatus;
import org.maplebridge.events.referral.ReferralStep;
import org.maplebridge.write.BusinessRule;
import org.maplebridge.write.RuleViolated;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.type.filter.AssignableTypeFilter;

/**
 * Every rule that can stop someone on a page explains itself in both languages: each business rule,
 * each of its explanations, and the platform's own rules (accounts, erased records).
 */
class RuleMessagesTest {
  /** The rules with several explanations, and which ones (the rest have one, under their name). */
  private static final Map<String, List<String>> EXPLANATIONS =
      Map.of(
          "NothingIsAddedToAClosedCase",
          List.of("CONSENT", "SCREENINGS", "TRIAGE", "ASSIGNMENT", "CARE_TEAM_MEMBERS", "NOTES"),
          "ALevelBelowTheScreenerNeedsTheSupervisorsRationale",
          List.of("RATIONALE", "SUPERVISOR"),
          "OnlyThePersonPagedOrAHigherTierAcknowledges",
          List.of("RAISED_IT", "NOT_PAGED"),
          "AHeldPersonIsKept",
          List.of("UNTIL_LIFTED", "UNTIL"),
          "SharingNeedsConsentOrAnOverride",
          List.of("OTHER_RECIPIENTS", "NO_CONSENT"),
          "AWaiverAnswersAnAsk",
          List.of("WAITING", "GRANTED", "NONE_WAITING"),
          "CrisisWorkGoesStepByStep",
          names(CrisisStep.Condition.values()),
          "TheLoopGoesStepByStep",
          names(ReferralStep.values()));

  /** Rules the platform checks itself, outside the aggregates. */
  private static final List<String> PLATFORM_RULES =
      List.of(
          "UnitIdsAreUnique",
          "UsernamesAreUnique",
          "AdministratorsKeepTheirOwnAccess",
          "NoOneApprovesTheirOwnAccount",
          "AnAccountIsApprovedOnce",
          "SingleSignOnPasswordsAreKeptByTheProvider",
          "AnErasedPersonsRecordTakesNoNewContent",
          "TheLoopGoesStepByStep");

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d}");

  @Test
  void everyRuleCodeHasItsExplanationInBothLanguages() throws IOException {
    Properties english = load("messages.properties");
    Properties chinese = load("messages_zh_CN.properties");
    Set<String> rules = new TreeSet<>(businessRules());
    assertThat(rules).as("the rules of every aggregate").hasSizeGreaterThan(25);
    rules.addAll(PLATFORM_RULES);

    Set<String> codes = new TreeSet<>();
    for (String rule : rules) {
      List<String> which = EXPLANATIONS.get(rule);
      if (which == null || PLATFORM_RULES.contains(rule)) {
        codes.add(rule);
      }
      if (which != null) {
        which.forEach(one -> codes.add(rule + "." + one));
      }
    }
    List<String> missing = new ArrayList<>();
    for (String code : codes) {
      for (Properties language : List.of(english, chinese)) {
        if (language.getProperty(RuleMessages.PREFIX + code) == null) {
          missing.add((language == english ? "en " : "zh-CN ") + code);
        }
      }
    }
    assertThat(missing).isEmpty();
    assertThat(
            english.stringPropertyNames().stream()
                .filter(key -> key.startsWith(RuleMessages.PREFIX))
                .map(key -> key.substring(RuleMessages.PREFIX.length())))
        .as("no explanation of a rule that is not there")
        .allMatch(codes::contains);
  }

  @Test
  void theChineseExplanationsAreChineseAndNameTheSameValues() throws IOException {
    Properties english = load("messages.properties");
    Properties chinese = load("messages_zh_CN.properties");
    List<String> wrong = new ArrayList<>();
    for (String key : english.stringPropertyNames()) {
      if (!key.startsWith(RuleMessages.PREFIX)) {
        continue;
      }
      String zh = chinese.getProperty(key, "");
      if (zh.matches(".*[A-Za-z].*")) {
        wrong.add(key + " has Latin words: " + zh);
      }
      if (!placeholders(zh).equals(placeholders(english.getProperty(key)))) {
        wrong.add(key + " names other values: " + zh);
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void anExplanationNamesItsValuesByTheirLabels() {
    RuleMessages messages = new RuleMessages(pages(), new PageTime());
    RuleViolated triage =
        new RuleViolated(
            "TriageIsNotBelowTheRiskAScreeningShowed",
            "A screening showed risk: the priority must be EMERGENCY or higher",
            "TriageIsNotBelowTheRiskAScreeningShowed",
            List.of(Urgency.EMERGENCY));
    assertThat(messages.explanation(triage, Locale.SIMPLIFIED_CHINESE))
        .isEqualTo("筛查显示有风险：优先级须为“危急”或更高");
    assertThat(messages.explanation(triage, Locale.ENGLISH))
        .isEqualTo("A screening showed risk: the priority must be Emergency or higher");

    RuleViolated level =
        new RuleViolated(
            "ALevelBelowTheScreenerNeedsTheSupervisorsRationale",
            "The screener's answers show HIGH risk: a lower level needs the supervisor",
            "ALevelBelowTheScreenerNeedsTheSupervisorsRationale.SUPERVISOR",
            List.of(RiskLevel.HIGH));
    assertThat(messages.explanation(level, Locale.ENGLISH))
        .startsWith("The screener's answers show High risk");
    RuleViolated loop =
        new RuleViolated(
            "TheLoopGoesStepByStep",
            "A referral that is CANCELLED cannot be sent",
            "TheLoopGoesStepByStep.SEND",
            List.of(ReferralStatus.CANCELLED));
    assertThat(messages.explanation(loop, Locale.SIMPLIFIED_CHINESE)).isEqualTo("状态为“已取消”的转介不能发送");

    RuleViolated unknown = new RuleViolated("NoSuchRule", "Told in English");
    assertThat(messages.explanation(unknown, Locale.SIMPLIFIED_CHINESE))
        .as("a code without a message keeps the rule's own words")
        .isEqualTo("Told in English");
  }

  private static ResourceBundleMessageSource pages() {
    ResourceBundleMessageSource source = new ResourceBundleMessageSource();
    source.setBasename("messages");
    source.setDefaultEncoding("UTF-8");
    source.setFallbackToSystemLocale(false);
    return source;
  }

  private static Set<String> businessRules() {
    ClassPathScanningCandidateComponentProvider scan =
        new ClassPathScanningCandidateComponentProvider(false);
    scan.addIncludeFilter(new AssignableTypeFilter(BusinessRule.class));
    return scan.findCandidateComponents("org.maplebridge").stream()
        .map(BeanDefinition::getBeanClassName)
        .map(name -> name.substring(name.lastIndexOf('$') + 1))
        .collect(Collectors.toSet());
  }

  private static Set<String> placeholders(String message) {
    Set<String> found = new TreeSet<>();
    Matcher matcher = PLACEHOLDER.matcher(message);
    while (matcher.find()) {
      found.add(matcher.group());
    }
    return found;
  }

  private static List<String> names(Enum<?>[] values) {
    return Arrays.stream(values).map(Enum::name).toList();
  }

  private static Properties load(String name) throws IOException {
    Properties properties = new Properties();
    try (var in =
        new InputStreamReader(
            RuleMessagesTest.class.getResourceAsStream("/" + name), StandardCharsets.UTF_8)) {
      properties.load(in);
    }
    return properties;
  }
}
