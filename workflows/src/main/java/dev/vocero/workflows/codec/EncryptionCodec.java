package dev.vocero.workflows.codec;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.temporal.api.common.v1.Payload;
import io.temporal.common.converter.CodecDataConverter;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.common.converter.EncodingKeys;
import io.temporal.payload.codec.PayloadCodec;
import io.temporal.payload.codec.PayloadCodecException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for every payload Vocero writes to Temporal: a random 96-bit nonce per payload, the key id in the
 * payload's metadata (and bound to the ciphertext as associated data), rotation by adding a key. Payloads that are not
 * encrypted (histories written before encryption, or with it switched off) decode unchanged.
 */
public final class EncryptionCodec implements PayloadCodec {
  public static final String ENCODING = "binary/encrypted";
  public static final String KEY_ID = "encryption-key-id";
  private static final String CIPHER = "AES/GCM/NoPadding";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
  private final String activeKeyId;
  private final SecureRandom random = new SecureRandom();

  /** {@code activeKeyId} null: encrypt nothing, but still decode what older keys encrypted. */
  public EncryptionCodec(List<PayloadKey> keys, String activeKeyId) {
    for (PayloadKey key : keys) {
      if (this.keys.put(key.id(), new SecretKeySpec(key.key(), "AES")) != null) {
        throw new IllegalArgumentException("payload key id " + key.id() + " is used twice");
      }
    }
    if (activeKeyId != null && !this.keys.containsKey(activeKeyId)) {
      throw new IllegalArgumentException("the active payload key " + activeKeyId + " is not among the keys");
    }
    this.activeKeyId = activeKeyId;
  }

  /** Jackson JSON (Temporal's default converter) under this codec; failure messages and stack traces encrypted too. */
  public DataConverter dataConverter() {
    return new CodecDataConverter(DefaultDataConverter.newDefaultInstance(), List.of(this), true);
  }

  public boolean encrypts() {
    return activeKeyId != null;
  }

  @Override
  public List<Payload> encode(List<Payload> payloads) {
    return activeKeyId == null ? payloads : payloads.stream().map(this::encrypt).toList();
  }

  @Override
  public List<Payload> decode(List<Payload> payloads) {
    return payloads.stream().map(this::decrypt).toList();
  }

  public static boolean isEncrypted(Payload payload) {
    ByteString encoding = payload.getMetadataOrDefault(EncodingKeys.METADATA_ENCODING_KEY, ByteString.EMPTY);
    return encoding.toStringUtf8().equals(ENCODING);
  }

  private Payload encrypt(Payload payload) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    byte[] sealed = run(Cipher.ENCRYPT_MODE, activeKeyId, nonce, payload.toByteArray());
    return Payload.newBuilder()
        .putMetadata(EncodingKeys.METADATA_ENCODING_KEY, ByteString.copyFromUtf8(ENCODING))
        .putMetadata(KEY_ID, ByteString.copyFromUtf8(activeKeyId))
        .setData(ByteString.copyFrom(ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array()))
        .build();
  }

  private Payload decrypt(Payload payload) {
    if (!isEncrypted(payload)) {
      return payload;
    }
    String keyId = payload.getMetadataOrDefault(KEY_ID, ByteString.EMPTY).toStringUtf8();
    if (!keys.containsKey(keyId)) {
      throw new PayloadCodecException("payload encrypted with unknown key id '" + keyId + "'");
    }
    byte[] data = payload.getData().toByteArray();
    if (data.length < NONCE_BYTES + TAG_BITS / 8) {
      throw new PayloadCodecException("encrypted payload is too short");
    }
    byte[] nonce = Arrays.copyOf(data, NONCE_BYTES);
    byte[] sealed = Arrays.copyOfRange(data, NONCE_BYTES, data.length);
    try {
      return Payload.parseFrom(run(Cipher.DECRYPT_MODE, keyId, nonce, sealed));
    } catch (InvalidProtocolBufferException e) {
      throw new PayloadCodecException("decrypted payload is not a payload", e);
    }
  }

  private byte[] run(int mode, String keyId, byte[] nonce, byte[] input) {
    try {
      Cipher cipher = Cipher.getInstance(CIPHER);
      cipher.init(mode, keys.get(keyId), new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8)); // a payload relabelled with another key id fails
      return cipher.doFinal(input);
    } catch (AEADBadTagException e) {
      throw new PayloadCodecException("encrypted payload failed authentication (tampered, or another key)", e);
    } catch (GeneralSecurityException e) {
      throw new PayloadCodecException("payload encryption failed", e);
    }
  }
}
