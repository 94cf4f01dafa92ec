package org.maplebridge.intake;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;

/**
 * A birth date a living client can have: from 1900 on (a date typed with the wrong century, 1890
 * for 1990, is refused with the reason rather than stored). Dates in the future are
 * {@code @Past}'s.
 */
@Target({
  ElementType.FIELD,
  ElementType.RECORD_COMPONENT,
  ElementType.PARAMETER,
  ElementType.METHOD
})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = BornSince1900.Check.class)
@interface BornSince1900 {
  String message() default "must be on or after 1900-01-01";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Check implements ConstraintValidator<BornSince1900, LocalDate> {
    private static final LocalDate FIRST = LocalDate.of(1900, 1, 1);

    @Override
    public boolean isValid(LocalDate date, ConstraintValidatorContext context) {
      return date == null || !date.isBefore(FIRST);
    }
  }
}
