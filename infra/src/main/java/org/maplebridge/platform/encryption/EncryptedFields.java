package org.maplebridge.platform.encryption;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.NopAnnotationIntrospector;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.ContextualSerializer;
import com.fasterxml.jackson.databind.util.ClassUtil;
import com.google.crypto.tink.Aead;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.maplebridge.events.ClinicalData;
import org.maplebridge.events.Erased;
import org.maplebridge.events.OfRecord;
import org.maplebridge.events.PersonalData;

/**
 * Jackson, for what Axon stores (events, snapshots, dead letters, sagas): every field marked {@link
 * PersonalData} or {@link ClinicalData} inside an event about a record is written as {@code
 * "enc:v1:<record>:<base64>"}, AES-256-GCM with the record's data key and the record and field as
 * associated data; read back in plain. A field whose key was destroyed reads as erased ({@link
 * Erased}: never an exception); a field stored in plain by an earlier version reads as it was.
 * Aggregates, handlers and upcasters never see ciphertext.
 */
final class EncryptedFields extends SimpleModule {
  static final String PREFIX = "enc:v1:";

  private final DataKeys keys;
  private final ObjectMapper plain;
  private final boolean encrypting;

  EncryptedFields(DataKeys keys, ObjectMapper plain, boolean encrypting) {
    super("maplebridge-encrypted-fields");
    this.keys = keys;
    this.plain = plain;
    this.encrypting = encrypting;
  }

  @Override
  public void setupModule(SetupContext context) {
    super.setupModule(context);
    context.insertAnnotationIntrospector(
        new NopAnnotationIntrospector() {
          @Override
          public Object findSerializer(Annotated member) {
            return encrypting && marked(member) ? new Encrypting(null) : null;
          }

          @Override
          public Object findDeserializer(Annotated member) {
            return marked(member) ? new Decrypting(null, null) : null;
          }
        });
  }

  private static boolean marked(Annotated member) {
    return member.hasAnnotation(PersonalData.class) || member.hasAnnotation(ClinicalData.class);
  }

  private static byte[] associatedData(UUID record, String field) {
    return (record + "/" + field).getBytes(StandardCharsets.UTF_8);
  }

  /** The record the value being written belongs to: the nearest enclosing event about one. */
  private static Optional<UUID> recordOf(JsonGenerator generator) {
    for (JsonStreamContext at = generator.getOutputContext(); at != null; at = at.getParent()) {
      if (at.getCurrentValue() instanceof OfRecord event) {
        return Optional.ofNullable(event.recordId());
      }
    }
    return Optional.empty();
  }

  private final class Encrypting extends JsonSerializer<Object> implements ContextualSerializer {
    private final String field;

    Encrypting(String field) {
      this.field = field;
    }

    @Override
    public JsonSerializer<?> createContextual(SerializerProvider provider, BeanProperty property) {
      return new Encrypting(property == null ? "" : property.getName());
    }

    @Override
    public void serialize(Object value, JsonGenerator generator, SerializerProvider provider)
        throws IOException {
      Optional<UUID> record = recordOf(generator);
      if (record.isEmpty()) {
        // Not part of an event about a record (a view, a deadline): nothing to key it to.
        plain.writeValue(generator, value);
        return;
      }
      try {
        byte[] ciphertext =
            keys.forEncryption(record.get())
                .encrypt(plain.writeValueAsBytes(value), associatedData(record.get(), field));
        generator.writeString(
            PREFIX + record.get() + ":" + Base64.getEncoder().encodeToString(ciphertext));
      } catch (GeneralSecurityException e) {
        throw new IOException("Cannot encrypt " + field, e);
      }
    }
  }

  private final class Decrypting extends JsonDeserializer<Object>
      implements ContextualDeserializer {
    private final JavaType type;
    private final String field;

    Decrypting(JavaType type, String field) {
      this.type = type;
      this.field = field;
    }

    @Override
    public JsonDeserializer<?> createContextual(
        DeserializationContext context, BeanProperty property) {
      return new Decrypting(property.getType(), property.getName());
    }

    @Override
    public Object deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      if (parser.currentToken() == JsonToken.VALUE_STRING && parser.getText().startsWith(PREFIX)) {
        String stored = parser.getText();
        int colon = stored.indexOf(':', PREFIX.length());
        UUID record = UUID.fromString(stored.substring(PREFIX.length(), colon));
        Optional<Aead> key = keys.forDecryption(record);
        if (key.isEmpty()) {
          return erased();
        }
        try {
          byte[] clear =
              key.get()
                  .decrypt(
                      Base64.getDecoder().decode(stored.substring(colon + 1)),
                      associatedData(record, field));
          return plain.readValue(clear, type);
        } catch (GeneralSecurityException e) {
          throw new IOException("Cannot decrypt " + field + " of " + record, e);
        }
      }
      // stored in plain before encryption was switched on
      return plain.readValue(parser, type);
    }

    /** What the field reads as once its key was destroyed: see {@link Erased}. */
    private Object erased() {
      if (type.hasRawClass(String.class)) {
        return Erased.TEXT;
      }
      if (type.isCollectionLikeType()) {
        return type.isTypeOrSubTypeOf(java.util.Set.class) ? java.util.Set.of() : List.of();
      }
      if (type.isPrimitive()) {
        return ClassUtil.defaultValue(type.getRawClass());
      }
      return null;
    }

    @Override
    public Object getNullValue(DeserializationContext context) {
      return null;
    }
  }
}
