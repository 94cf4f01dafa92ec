package org.maplebridge.platform.security;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.passay.DictionarySubstringRule;
import org.passay.LengthRule;
import org.passay.PasswordData;
import org.passay.PasswordValidator;
import org.passay.RepeatCharacterRegexRule;
import org.passay.RuleResult;
import org.passay.UsernameRule;
import org.passay.dictionary.WordList;
import org.passay.dictionary.WordListDictionary;
import org.passay.dictionary.WordLists;
import org.passay.dictionary.sort.ArraysSort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * What a staff password must be (NIST SP 800-63B's advice): at least 12 characters, not containing
 * one of the commonest passwords of eight or more characters (the 11,611 such entries of the 30,000
 * commonest, from zxcvbn's list, MIT licence), not containing the username, not one character
 * repeated five times. No rules about character classes: they make passwords shorter to remember,
 * not harder to guess.
 */
@Component
class PasswordPolicy {
  static final int MIN_LENGTH = 12;
  static final int MAX_LENGTH = 200;

  private final PasswordValidator validator;

  PasswordPolicy() {
    validator =
        new PasswordValidator(
            List.of(
                new LengthRule(MIN_LENGTH, MAX_LENGTH),
                new UsernameRule(true, true),
                new RepeatCharacterRegexRule(5),
                new DictionarySubstringRule(new WordListDictionary(commonPasswords()))));
  }

  /** Why the password may not be used, in words, or empty when it may. */
  Optional<String> refusal(String username, String password) {
    RuleResult result = validator.validate(new PasswordData(username, password));
    if (result.isValid()) {
      return Optional.empty();
    }
    return Optional.of(
        switch (result.getDetails().get(0).getErrorCode()) {
          case LengthRule.ERROR_CODE_MIN -> "At least " + MIN_LENGTH + " characters";
          case LengthRule.ERROR_CODE_MAX -> "At most " + MAX_LENGTH + " characters";
          case UsernameRule.ERROR_CODE, UsernameRule.ERROR_CODE_REVERSED ->
              "The password must not contain the username";
          case "ILLEGAL_MATCH" -> "No character five times in a row";
          default -> "This contains one of the commonest passwords; choose another";
        });
  }

  private static WordList commonPasswords() {
    try (Reader list =
        new InputStreamReader(
            new ClassPathResource("security/common-passwords.txt").getInputStream(),
            StandardCharsets.UTF_8)) {
      return WordLists.createFromReader(new Reader[] {list}, false, new ArraysSort());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
