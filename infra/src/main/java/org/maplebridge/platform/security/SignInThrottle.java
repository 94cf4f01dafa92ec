package org.maplebridge.platform.security;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password guessing, slowed: after {@value #FAILURES} failed sign-ins in 15 minutes for one
 * username from one address, that pair waits (429 with Retry-After) until the window lets one more
 * through. The pair, not the account, so a guesser elsewhere cannot lock the owner out. Buckets are
 * Bucket4j's; they live in memory (per instance, which multiplies the guesses by the instances).
 */
final class SignInThrottle implements AuthenticationProvider {
  static final int FAILURES = 5;
  static final Duration WINDOW = Duration.ofMinutes(15);
  private static final int MAX_TRACKED = 100_000;

  /** A sign-in refused for now, with how long to wait. */
  static final class Throttled extends AccountStatusException {
    private final Duration retryAfter;

    Throttled(Duration retryAfter) {
      super("Too many failed sign-ins; try again later");
      this.retryAfter = retryAfter;
    }

    long retryAfterSeconds() {
      return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
  }

  private record Pair(String username, String address) {}

  private final RecentlyVerified verifier;
  private final Map<Pair, Bucket> failures = new ConcurrentHashMap<>();

  SignInThrottle(RecentlyVerified verifier) {
    this.verifier = verifier;
  }

  @Override
  public Authentication authenticate(Authentication attempt) {
    Pair pair = pairOf(attempt);
    waitFor(pair)
        .ifPresent(
            wait -> {
              throw new Throttled(wait);
            });
    try {
      return verifier.authenticate(attempt);
    } catch (BadCredentialsException guessedWrong) {
      // Only a wrong password (or an unknown name) is a guess; a switched-off or waiting
      // account's owner who knows the password is refused without being slowed down.
      failed(pair);
      throw guessedWrong;
    }
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return verifier.supports(authentication);
  }

  /** The owner changed the password: the old one stops working now. */
  void passwordChanged(String username) {
    verifier.forget(username);
  }

  /** A wrong current password given to change it counts like a failed sign-in. */
  void wrongPassword(String username, String address) {
    failed(new Pair(username.toLowerCase(Locale.ROOT), address));
  }

  Optional<Duration> waitFor(String username, String address) {
    return waitFor(new Pair(username.toLowerCase(Locale.ROOT), address));
  }

  private Optional<Duration> waitFor(Pair pair) {
    Bucket bucket = failures.get(pair);
    if (bucket == null || bucket.getAvailableTokens() > 0) {
      return Optional.empty();
    }
    return Optional.of(
        Duration.ofNanos(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill()));
  }

  private void failed(Pair pair) {
    if (failures.size() >= MAX_TRACKED) {
      // Pairs that have waited out their window hold nothing worth keeping.
      failures.values().removeIf(bucket -> bucket.getAvailableTokens() >= FAILURES);
    }
    failures
        .computeIfAbsent(
            pair,
            newPair ->
                Bucket.builder()
                    .addLimit(
                        Bandwidth.builder()
                            .capacity(FAILURES)
                            .refillGreedy(FAILURES, WINDOW)
                            .build())
                    .build())
        .tryConsume(1);
  }

  private static Pair pairOf(Authentication attempt) {
    String address =
        attempt.getDetails() instanceof WebAuthenticationDetails details
            ? details.getRemoteAddress()
            : "";
    return new Pair(String.valueOf(attempt.getName()).toLowerCase(Locale.ROOT), address);
  }
}
