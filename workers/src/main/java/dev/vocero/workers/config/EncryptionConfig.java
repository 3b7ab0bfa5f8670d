package dev.vocero.workers.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.vocero.workflows.codec.EncryptionCodec;
import dev.vocero.workflows.codec.PayloadKey;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code temporal.encryption:} the AES-256 keys that encrypt every payload Vocero writes to Temporal. The active key
 * encrypts; every listed key decrypts, so a rotation adds a key and moves {@code activeKeyId} to it. {@code enabled:
 * false} writes new payloads in plain text (anyone with access to Temporal reads names and phone numbers) while the
 * listed keys still decrypt what was written before.
 */
public class EncryptionConfig {
  static final String HOW = "set VOCERO_PAYLOAD_KEY to 32 random bytes in base64 (openssl rand -base64 32)";

  @JsonProperty private boolean enabled = true;
  @JsonProperty private String activeKeyId;
  @JsonProperty private List<Key> keys = new ArrayList<>();

  /** One key; an entry with an empty key (an unset environment variable) is skipped. */
  public record Key(@JsonProperty("id") String id, @JsonProperty("key") String key) {
    boolean unset() {
      return key == null || key.isBlank();
    }

    @Override
    public String toString() {
      return "Key[" + id + "]";
    }
  }

  public boolean isEnabled() {
    return enabled;
  }

  public String getActiveKeyId() {
    return activeKeyId;
  }

  public List<Key> getKeys() {
    return keys;
  }

  public void setActiveKeyId(String activeKeyId) {
    this.activeKeyId = activeKeyId;
  }

  public void setKeys(List<Key> keys) {
    this.keys = new ArrayList<>(keys);
  }

  /** True when the keys are to be made by {@code vocero dev}: encryption on and no key configured. */
  public boolean needsDevKey() {
    return enabled && keys.stream().allMatch(Key::unset);
  }

  /** One line per problem, naming what to set; empty when the codec can be built. */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (needsDevKey()) {
      problems.add("temporal.encryption has no key: " + HOW + ", or set temporal.encryption.enabled: false to write "
          + "workflow payloads (names, phone numbers) to Temporal in plain text.");
      return problems;
    }
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < keys.size(); i++) {
      Key key = keys.get(i);
      if (key.unset()) {
        continue;
      }
      String name = "temporal.encryption.keys[" + i + "]";
      if (key.id() == null || key.id().isBlank()) {
        problems.add(name + " has no id: give every key an id (VOCERO_PAYLOAD_KEY_ID), it is written beside each payload.");
      } else if (!ids.add(key.id())) {
        problems.add(name + " repeats the id " + key.id() + ": every key needs its own id.");
      }
      if (!usable(key)) {
        problems.add(name + " is not 32 bytes of base64: " + HOW + ".");
      }
    }
    if (enabled && (activeKeyId == null || !ids.contains(activeKeyId))) {
      problems.add("temporal.encryption.activeKeyId is not the id of a configured key: set VOCERO_PAYLOAD_KEY_ID to "
          + "the id of the key that encrypts new payloads.");
    }
    return problems;
  }

  /** The configured keys that are published in this repository (the test key): refused by {@code server}/{@code worker}. */
  public List<String> publishedKeyIds() {
    return keys.stream().filter(key -> key.key() != null && StartupSecrets.PUBLISHED.contains(key.key().trim()))
        .map(Key::id).toList();
  }

  private static boolean usable(Key key) {
    try {
      PayloadKey.fromBase64("check", key.key());
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** The codec: encrypting with the active key when enabled; decoding with every key either way. */
  public EncryptionCodec build() {
    List<String> problems = problems();
    if (!problems.isEmpty()) {
      throw new IllegalStateException(String.join(" ", problems));
    }
    List<PayloadKey> built = keys.stream().filter(key -> !key.unset())
        .map(key -> PayloadKey.fromBase64(key.id(), key.key())).toList();
    return new EncryptionCodec(built, enabled ? activeKeyId : null);
  }
}
