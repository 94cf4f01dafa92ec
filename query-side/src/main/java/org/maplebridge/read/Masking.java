package org.maplebridge.read;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.function.BiFunction;
import org.maplebridge.events.ClinicalData;
import org.maplebridge.events.Erased;
import org.maplebridge.events.PersonalData;
import org.maplebridge.scope.Access;
import org.maplebridge.scope.Part;
import org.maplebridge.scope.Scope;

/**
 * A view record as a scope shows it, driven by the same markers as the events: a {@link
 * ClinicalData} component is left out unless the scope shows clinical content; a {@link
 * PersonalData} component is shown, shown as initials ({@link ShownAsInitials}) where identity is
 * masked, or left out; a {@link MarksMasking} flag says whether it was masked. A scope that shows
 * only what a referral disclosed ({@link Access#DISCLOSED}) is given views built from the disclosed
 * fields alone, so it shows what they hold. Nested records and lists of records are shown the same
 * way. The one place masking is written.
 */
public final class Masking {
  private Masking() {}

  @SuppressWarnings("unchecked")
  public static <T> T apply(T view, Scope scope) {
    return (T) shown(view, scope);
  }

  private static Object shown(Object value, Scope scope) {
    if (value instanceof List<?> list) {
      return list.stream().map(item -> shown(item, scope)).toList();
    }
    if (value == null || !value.getClass().isRecord()) {
      return value;
    }
    return rebuilt(value, (component, part) -> shownComponent(component, part, scope));
  }

  /** The same record with each component's value replaced as {@code part} says. */
  static Object rebuilt(Object record, BiFunction<RecordComponent, Object, Object> part) {
    RecordComponent[] components = record.getClass().getRecordComponents();
    Object[] values = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
      values[i] = part.apply(components[i], read(components[i], record));
    }
    try {
      Constructor<?> canonical = record.getClass().getDeclaredConstructor(types);
      canonical.setAccessible(true);
      return canonical.newInstance(values);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Cannot rebuild " + record.getClass(), e);
    }
  }

  private static Object shownComponent(RecordComponent component, Object value, Scope scope) {
    Access identity = scope.access(Part.IDENTITY);
    boolean identityShown = identity == Access.SHOWN || identity == Access.DISCLOSED;
    Access clinical = scope.access(Part.CLINICAL);
    boolean clinicalShown = clinical == Access.SHOWN || clinical == Access.DISCLOSED;
    if (component.isAnnotationPresent(MarksMasking.class)) {
      return !identityShown;
    }
    if (component.isAnnotationPresent(ClinicalData.class) && !clinicalShown) {
      return absent(component);
    }
    if (component.isAnnotationPresent(PersonalData.class) && !identityShown) {
      return identity == Access.MASKED && component.isAnnotationPresent(ShownAsInitials.class)
          ? initials((String) value)
          : absent(component);
    }
    return shown(value, scope);
  }

  private static Object absent(RecordComponent component) {
    if (component.getType().isPrimitive()) {
      throw new IllegalStateException(component + " is marked but cannot be left out");
    }
    return null;
  }

  static Object read(RecordComponent component, Object record) {
    try {
      var accessor = component.getAccessor();
      accessor.setAccessible(true);
      return accessor.invoke(record);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Cannot read " + component, e);
    }
  }

  /**
   * "Li Wei" as "L.W."; a name in Chinese characters by the local convention, the family name and 某
   * ("杨丽" as "杨某"), which initials would not mask at all; an erased name stays erased (pages show
   * it as "erased").
   */
  public static String initials(String name) {
    if (Erased.TEXT.equals(name)) {
      return name;
    }
    if (name == null || name.isBlank()) {
      return null;
    }
    String trimmed = name.trim();
    if (Character.UnicodeScript.of(trimmed.codePointAt(0)) == Character.UnicodeScript.HAN) {
      return new StringBuilder().appendCodePoint(trimmed.codePointAt(0)).append('某').toString();
    }
    StringBuilder initials = new StringBuilder();
    for (String part : name.trim().split("\\s+")) {
      initials.appendCodePoint(part.codePointAt(0)).append('.');
    }
    return initials.toString();
  }
}
