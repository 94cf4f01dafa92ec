package org.maplebridge.events.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.maplebridge.events.directory.ServiceType;

class SharingTermsTest {
  private static final UUID CLINIC = UUID.fromString("00000000-0000-0000-0000-0000000000b1");
  private static final UUID SHELTER = UUID.fromString("00000000-0000-0000-0000-0000000000b2");

  @Test
  void aConsentToShareStoredBeforeRecipientsWereNamedReadsAsAnyReferralRecipient()
      throws Exception {
    String stored =
        """
        {"intakeId":"7dca3ff3-642b-32f5-8ba9-f7a955c06398","scope":"REFERRAL_SHARING",
         "givenBy":"CLIENT","method":"WRITTEN","recordedBy":"alice"}""";
    ConsentRecorded consent = new ObjectMapper().readValue(stored, ConsentRecorded.class);
    assertThat(consent.sharingTerms()).isEqualTo(SharingTerms.ANY_REFERRAL_RECIPIENT);
    assertThat(consent.sharingTerms().covers(SHELTER, ServiceType.SHELTER, SharingPurpose.REFERRAL))
        .isTrue();
  }

  @Test
  void consentToCounsellingSharesNothing() {
    assertThat(
            new ConsentRecorded(
                    UUID.randomUUID(),
                    ConsentScope.COUNSELLING,
                    ConsentGiver.CLIENT,
                    ConsentMethod.VERBAL,
                    "alice")
                .sharingTerms())
        .isNull();
  }

  @Test
  void termsCoverTheirRecipientAndPurposeOnly() {
    SharingTerms clinicOnly = new SharingTerms(null, CLINIC, SharingPurpose.REFERRAL);
    assertThat(
            clinicOnly.covers(CLINIC, ServiceType.PSYCHIATRIC_ASSESSMENT, SharingPurpose.REFERRAL))
        .isTrue();
    assertThat(clinicOnly.covers(SHELTER, ServiceType.SHELTER, SharingPurpose.REFERRAL)).isFalse();
    SharingTerms shelters = new SharingTerms(ServiceType.SHELTER, null, SharingPurpose.REFERRAL);
    assertThat(shelters.covers(SHELTER, ServiceType.SHELTER, SharingPurpose.REFERRAL)).isTrue();
    assertThat(shelters.covers(CLINIC, ServiceType.PSYCHIATRIC_ASSESSMENT, SharingPurpose.REFERRAL))
        .isFalse();
    assertThat(
            new SharingTerms(null, null, SharingPurpose.CARE_COORDINATION)
                .covers(CLINIC, ServiceType.PSYCHIATRIC_ASSESSMENT, SharingPurpose.REFERRAL))
        .as("consent for care coordination is not consent to refer")
        .isFalse();
  }
}
