package org.maplebridge.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * Remembers, for a short while, that a username and password were verified, so an API client that
 * sends its credentials with every call (HTTP Basic) pays for bcrypt (about 100 ms here) once a
 * minute rather than on every request. Only a salted SHA-256 of the credentials is kept, in memory,
 * with a salt drawn at start; a changed password or a disabled account takes effect when the entry
 * expires.
 */
final class RecentlyVerified implements AuthenticationProvider {
  private static final int MAX_ENTRIES = 10_000;

  private record Verified(byte[] digest, Authentication result, long expiresAt) {}

  private final AuthenticationProvider verifier;
  private final long ttlNanos;
  private final byte[] salt = new byte[32];
  private final Map<String, Verified> verified = new ConcurrentHashMap<>();

  RecentlyVerified(AuthenticationProvider verifier, Duration ttl) {
    this.verifier = verifier;
    this.ttlNanos = ttl.toNanos();
    new SecureRandom().nextBytes(salt);
  }

  @Override
  public Authentication authenticate(Authentication attempt) {
    if (!(attempt.getCredentials() instanceof String password)) {
      return verifier.authenticate(attempt);
    }
    byte[] digest = digest(attempt.getName(), password);
    Verified known = verified.get(attempt.getName());
    long now = System.nanoTime();
    if (known != null
        && now - known.expiresAt() < 0
        && MessageDigest.isEqual(known.digest(), digest)) {
      return known.result();
    }
    Authentication result = verifier.authenticate(attempt);
    if (result != null && result.isAuthenticated()) {
      if (verified.size() >= MAX_ENTRIES) {
        verified.clear();
      }
      verified.put(attempt.getName(), new Verified(digest, result, now + ttlNanos));
    }
    return result;
  }

  /** The owner changed the password: the old one stops working now, not within a minute. */
  void forget(String username) {
    verified.remove(username);
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication)
        && verifier.supports(authentication);
  }

  private byte[] digest(String username, String password) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(salt);
      sha.update(username.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      return sha.digest(password.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
