package org.maplebridge.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks free text that was judged, on purpose, to hold nothing clinical or personal (an agency's
 * reference, an administrative reason, an audit finding): shown to everyone who sees the case.
 * Every free-text field of a person's events carries this, {@link ClinicalData} or {@link
 * PersonalData}; the contract test fails on one that carries none.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({
  ElementType.RECORD_COMPONENT,
  ElementType.FIELD,
  ElementType.METHOD,
  ElementType.PARAMETER
})
public @interface NotClinical {}
