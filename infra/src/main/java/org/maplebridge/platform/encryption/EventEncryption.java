package org.maplebridge.platform.encryption;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Personal and clinical fields encrypted at rest, per record, in everything Axon stores. On unless
 * {@code maplebridge.crypto.encryption=false} (which the benchmark uses to measure its cost; data
 * already encrypted stays readable either way).
 */
@Component
public class EventEncryption {
  private final DataKeys keys;
  private final boolean encrypting;

  EventEncryption(DataKeys keys, @Value("${maplebridge.crypto.encryption:true}") boolean on) {
    this.keys = keys;
    this.encrypting = on;
  }

  /** The mapper for Axon, given the plain one: the same, encrypting the marked fields. */
  public ObjectMapper encrypting(ObjectMapper plain) {
    return plain.copy().registerModule(new EncryptedFields(keys, plain, encrypting));
  }
}
