package dev.vocero.workflows.codec;

import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/** One AES-256 key for workflow payloads and the id written beside every payload it encrypts. */
public record PayloadKey(String id, byte[] key) {
  public static final int KEY_BYTES = 32;

  public PayloadKey {
    Objects.requireNonNull(id, "id");
    if (id.isBlank()) {
      throw new IllegalArgumentException("a payload key needs an id");
    }
    if (key == null || key.length != KEY_BYTES) {
      throw new IllegalArgumentException("payload key " + id + " must be " + KEY_BYTES + " bytes (AES-256)");
    }
    key = key.clone();
  }

  /** From configuration: the key in standard base64 (for example {@code openssl rand -base64 32}). */
  public static PayloadKey fromBase64(String id, String base64) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64 == null ? "" : base64.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("payload key " + id + " is not base64");
    }
    return new PayloadKey(id, bytes);
  }

  @Override
  public byte[] key() {
    return key.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PayloadKey that && id.equals(that.id) && Arrays.equals(key, that.key);
  }

  @Override
  public int hashCode() {
    return 31 * id.hashCode() + Arrays.hashCode(key);
  }

  @Override
  public String toString() {
    return "PayloadKey[" + id + "]"; // never the key itself
  }
}
