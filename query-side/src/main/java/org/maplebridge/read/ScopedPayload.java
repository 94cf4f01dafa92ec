package org.maplebridge.read;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;
import org.maplebridge.events.ClinicalData;
import org.maplebridge.events.PersonalData;

/**
 * Turns an event into what a viewer may see of it, driven by the contract's markers: fields marked
 * {@link ClinicalData} or {@link PersonalData} are replaced by "[hidden]" unless the scope shows
 * them, at any depth of nested records.
 */
public final class ScopedPayload {
  public static final String HIDDEN = "[hidden]";

  private ScopedPayload() {}

  public static Map<String, Object> of(
      Object payload, boolean showsIdentity, boolean showsClinical, ObjectMapper json) {
    Map<String, Object> fields = new LinkedHashMap<>();
    if (!payload.getClass().isRecord()) {
      return fields;
    }
    for (RecordComponent component : payload.getClass().getRecordComponents()) {
      Object value;
      try {
        value = component.getAccessor().invoke(payload);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("Cannot read " + component, e);
      }
      boolean hidden =
          (component.isAnnotationPresent(PersonalData.class) && !showsIdentity)
              || (component.isAnnotationPresent(ClinicalData.class) && !showsClinical);
      if (value == null) {
        fields.put(component.getName(), null);
      } else if (hidden) {
        fields.put(component.getName(), HIDDEN);
      } else if (value.getClass().isRecord()) {
        fields.put(component.getName(), of(value, showsIdentity, showsClinical, json));
      } else {
        fields.put(component.getName(), json.convertValue(value, Object.class));
      }
    }
    return fields;
  }
}
