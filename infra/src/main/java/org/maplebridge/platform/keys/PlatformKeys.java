package org.maplebridge.platform.keys;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The platform's own secret keys, in a PKCS#12 keystore outside the database, so that someone who
 * can read or write the database still lacks them. Its path and password are settings; without a
 * password, a random one is made at first start and kept beside the keystore, readable by the owner
 * only (the demo's and a single machine's arrangement; a deployment sets both).
 */
@Component
public class PlatformKeys {
  private final Path path;
  private final char[] password;
  private final KeyStore store;

  PlatformKeys(
      @Value("${maplebridge.crypto.keystore.path}") Path path,
      @Value("${maplebridge.crypto.keystore.password:}") String password) {
    this.path = path.toAbsolutePath();
    try {
      Files.createDirectories(this.path.getParent());
      this.password = (password.isBlank() ? passwordBeside(this.path) : password).toCharArray();
      this.store = KeyStore.getInstance("PKCS12");
      if (Files.exists(this.path)) {
        try (InputStream in = Files.newInputStream(this.path)) {
          store.load(in, this.password);
        }
      } else {
        store.load(null, this.password);
        save();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Keystore " + this.path, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Keystore " + this.path + " cannot be opened", e);
    }
  }

  /** The secret key under this alias, made (and kept) on first use. */
  public synchronized SecretKey secretKey(String alias, String algorithm, int bits) {
    try {
      if (store.getKey(alias, password) instanceof SecretKey existing) {
        return existing;
      }
      KeyGenerator generator = KeyGenerator.getInstance(algorithm);
      generator.init(bits, new SecureRandom());
      SecretKey key = generator.generateKey();
      store.setEntry(
          alias, new KeyStore.SecretKeyEntry(key), new KeyStore.PasswordProtection(password));
      save();
      return key;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Key " + alias, e);
    }
  }

  /** The aliases of the keys kept, in no particular order. */
  public synchronized List<String> aliases() {
    try {
      return Collections.list(store.aliases());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Keystore " + path, e);
    }
  }

  private void save() throws GeneralSecurityException {
    try {
      Path next = path.resolveSibling(path.getFileName() + ".new");
      try (OutputStream out = Files.newOutputStream(next)) {
        store.store(out, password);
      }
      ownerOnly(next);
      Files.move(next, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("Keystore " + path, e);
    }
  }

  private static String passwordBeside(Path keystore) throws IOException {
    Path file = keystore.resolveSibling(keystore.getFileName() + ".password");
    if (Files.exists(file)) {
      return Files.readString(file, StandardCharsets.UTF_8).strip();
    }
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    String made = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    Files.writeString(file, made, StandardCharsets.UTF_8);
    ownerOnly(file);
    return made;
  }

  private static void ownerOnly(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException notPosix) {
      // Windows: the user profile's own permissions apply
    }
  }
}
