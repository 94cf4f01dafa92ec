package org.maplebridge.referrals;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.maplebridge.events.Erased;
import org.maplebridge.referrals.ProviderReferrals.ProviderReferral;

/**
 * After a person's erasure their referral's text fields read as {@link Erased#TEXT}; the provider's
 * system gets them left out, not that literal as the person's name, reason or outcome, and the
 * resources still validate against base R4.
 */
class ErasedReferralInFhirTest {
  private static final FhirContext FHIR = FhirContext.forR4Cached();

  @Test
  void anErasedPersonsFieldsAreLeftOutOfTheResourcesWhichStillValidate() {
    String erased = Erased.TEXT;
    ProviderReferral referral =
        new ProviderReferral(
            UUID.randomUUID(),
            "COMPLETED",
            "URGENT",
            "PSYCHIATRIC_ASSESSMENT",
            UUID.randomUUID(),
            erased,
            "CONSENT",
            erased,
            null,
            List.of("NAME", "PHONE", "ADDRESS", "NATIONAL_ID", "CONCERN"),
            Instant.parse("2026-11-27T08:30:00Z"),
            null,
            null,
            null,
            0,
            null,
            null,
            Instant.parse("2026-11-28T08:30:00Z"),
            null,
            erased,
            erased,
            null,
            erased,
            erased,
            erased,
            erased,
            List.of(),
            3L,
            "north",
            null);
    for (Resource resource :
        List.of(ReferralFhir.serviceRequest(referral), ReferralFhir.task(referral))) {
      String json = FHIR.newJsonParser().encodeResourceToString(resource);
      assertThat(json).as("sent as a name or text: " + json).doesNotContain(erased);
      assertThat(
              validator().validateWithResult(json).getMessages().stream()
                  .filter(
                      message ->
                          message.getSeverity() == ResultSeverityEnum.ERROR
                              || message.getSeverity() == ResultSeverityEnum.FATAL)
                  .map(message -> message.getLocationString() + " " + message.getMessage())
                  .toList())
          .as(json)
          .isEmpty();
    }
  }

  private static FhirValidator validator() {
    FhirValidator validator = FHIR.newValidator();
    validator.registerValidatorModule(
        new FhirInstanceValidator(
            new ValidationSupportChain(
                new DefaultProfileValidationSupport(FHIR),
                new InMemoryTerminologyServerValidationSupport(FHIR),
                new CommonCodeSystemsTerminologyService(FHIR))));
    return validator;
  }
}
