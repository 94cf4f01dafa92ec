package org.maplebridge.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.maplebridge.events.access.EmergencyAccessEvent;
import org.maplebridge.events.access.RecordViewed;
import org.maplebridge.events.client.ClientEvent;
import org.maplebridge.events.crisis.CrisisEvent;
import org.maplebridge.events.intake.IntakeEvent;
import org.maplebridge.events.privacy.PrivacyEvent;
import org.maplebridge.events.referral.ReferralEvent;

/**
 * Every free-text field of a person's events is classified on purpose: clinical, personal, or
 * deliberately neither. A new text field without a marker fails here, before anyone's notes reach a
 * supervisor unmasked. (The service directory's events describe organisations, not people.)
 */
class FreeTextIsClassifiedTest {
  /** Text components that name staff, units, codes or references: identifiers, not free text. */
  private static final Set<String> IDENTIFIERS =
      Set.of(
          "unit",
          "recordUnit",
          "recordType",
          "viewer",
          "viewerRole",
          "reviewer",
          "supervisor",
          "member",
          "counsellor",
          "previousCounsellor",
          "author",
          "scope",
          "purpose",
          "clientReference",
          "duplicateReference",
          "survivingReference",
          "instrumentVersion");

  @Test
  void everyTextFieldOfAPersonsEventsIsMarkedClinicalPersonalOrNotClinical() {
    List<String> unmarked = new ArrayList<>();
    for (Class<?> family :
        List.of(
            IntakeEvent.class,
            CrisisEvent.class,
            ReferralEvent.class,
            EmergencyAccessEvent.class,
            PrivacyEvent.class,
            ClientEvent.class)) {
      for (Class<?> event : family.getPermittedSubclasses()) {
        collectUnmarked(event, unmarked);
      }
    }
    collectUnmarked(RecordViewed.class, unmarked);
    assertThat(unmarked).as("text fields with no privacy marker").isEmpty();
  }

  private static void collectUnmarked(Class<?> record, List<String> unmarked) {
    for (RecordComponent component : record.getRecordComponents()) {
      boolean marked =
          component.isAnnotationPresent(ClinicalData.class)
              || component.isAnnotationPresent(PersonalData.class)
              || component.isAnnotationPresent(NotClinical.class);
      Class<?> type = elementType(component.getGenericType());
      if (type.isRecord() && !marked) {
        collectUnmarked(type, unmarked);
      } else if (type == String.class && !marked && !isIdentifier(component.getName())) {
        unmarked.add(record.getSimpleName() + "." + component.getName());
      }
    }
  }

  private static boolean isIdentifier(String name) {
    return IDENTIFIERS.contains(name) || name.endsWith("By") || name.equals("by");
  }

  private static Class<?> elementType(Type type) {
    if (type instanceof ParameterizedType parameterized) {
      return elementType(parameterized.getActualTypeArguments()[0]);
    }
    return type instanceof Class<?> raw ? raw : Object.class;
  }
}
