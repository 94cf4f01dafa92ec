package org.maplebridge.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.maplebridge.Api;
import org.maplebridge.PlatformTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

/**
 * Outside demo mode, the first start creates an admin whose password is printed once and must be
 * changed at the first sign-in.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = "maplebridge.demo=false")
class FirstStartTest extends PlatformTest {

  @Test
  void theFirstAdminSignsInWithThePrintedPasswordAndNoDemoStaffExist(CapturedOutput output) {
    assumeTrue(
        System.getProperty("maplebridge.test.db-url", "").isBlank(),
        "a first start needs an empty database: the embedded one");
    Matcher printed =
        Pattern.compile("created user 'admin' with password (\\S+)").matcher(output.getAll());
    assertThat(printed.find()).as("password printed at start").isTrue();

    Api printedPassword = Api.at(port, "admin", printed.group(1));
    assertThat(printedPassword.get("/api/providers").status())
        .as("nothing works before the printed password is changed")
        .isEqualTo(403);
    assertThat(
            printedPassword
                .post(
                    "/api/me/password",
                    "{\"currentPassword\":\""
                        + printed.group(1)
                        + "\",\"newPassword\":\"keeps-this-one-safe\"}")
                .status())
        .isEqualTo(204);
    assertThat(Api.at(port, "admin", "keeps-this-one-safe").get("/api/providers").status())
        .isEqualTo(200);
    assertThat(Api.at(port, "admin", PASSWORD).get("/api/caseload").status()).isEqualTo(401);
    assertThat(as("alice").get("/api/caseload").status()).isEqualTo(401);
  }
}
