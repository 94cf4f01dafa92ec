package org.maplebridge.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/** The short memory of verified credentials never lets a wrong password in. */
class RecentlyVerifiedTest {
  private final AtomicInteger bcryptRuns = new AtomicInteger();

  private final AuthenticationProvider bcrypt =
      new AuthenticationProvider() {
        @Override
        public Authentication authenticate(Authentication attempt) {
          bcryptRuns.incrementAndGet();
          if (!"right".equals(attempt.getCredentials())) {
            throw new BadCredentialsException("wrong");
          }
          return UsernamePasswordAuthenticationToken.authenticated(
              attempt.getName(), null, List.of());
        }

        @Override
        public boolean supports(Class<?> type) {
          return true;
        }
      };

  @Test
  void aVerifiedPasswordIsRememberedAndAWrongOneIsStillRefused() {
    RecentlyVerified cache = new RecentlyVerified(bcrypt, Duration.ofMinutes(1));
    assertThat(cache.authenticate(attempt("alice", "right")).isAuthenticated()).isTrue();
    assertThat(cache.authenticate(attempt("alice", "right")).isAuthenticated()).isTrue();
    assertThat(bcryptRuns).hasValue(1);

    assertThatThrownBy(() -> cache.authenticate(attempt("alice", "wrong")))
        .isInstanceOf(BadCredentialsException.class);
    assertThatThrownBy(() -> cache.authenticate(attempt("bob", "right-for-alice")))
        .isInstanceOf(BadCredentialsException.class);
    assertThat(bcryptRuns).hasValue(3);
  }

  @Test
  void anExpiredMemoryVerifiesAgain() {
    RecentlyVerified cache = new RecentlyVerified(bcrypt, Duration.ZERO);
    cache.authenticate(attempt("alice", "right"));
    cache.authenticate(attempt("alice", "right"));
    assertThat(bcryptRuns).hasValue(2);
  }

  private static Authentication attempt(String user, String password) {
    return UsernamePasswordAuthenticationToken.unauthenticated(user, password);
  }
}
