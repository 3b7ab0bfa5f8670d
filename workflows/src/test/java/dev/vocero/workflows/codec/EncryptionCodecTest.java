package dev.vocero.workflows.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.temporal.api.common.v1.Payload;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.common.converter.EncodingKeys;
import io.temporal.payload.codec.PayloadCodecException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class EncryptionCodecTest {
  static final PayloadKey OLD = new PayloadKey("2026-01", bytes(1));
  static final PayloadKey NEW = new PayloadKey("2026-12", bytes(2));
  static final Payload PLAIN = DefaultDataConverter.STANDARD_INSTANCE
      .toPayload(new Contact("Ana Pérez", "+573001234560")).orElseThrow();

  record Contact(String name, String phone) {}

  @Test
  void givenAPayload_whenEncoded_itShouldHoldOnlyCiphertextAndDecodeToTheOriginal() {
    EncryptionCodec codec = new EncryptionCodec(List.of(NEW), NEW.id());
    Payload encoded = codec.encode(List.of(PLAIN)).get(0);

    assertEquals(EncryptionCodec.ENCODING, encoded.getMetadataOrThrow(EncodingKeys.METADATA_ENCODING_KEY).toStringUtf8());
    assertEquals("2026-12", encoded.getMetadataOrThrow(EncryptionCodec.KEY_ID).toStringUtf8());
    assertEquals(2, encoded.getMetadataCount(), "nothing of the original's metadata is left in the clear");
    String stored = encoded.toByteString().toString(StandardCharsets.ISO_8859_1);
    assertFalse(stored.contains("3001234560") || stored.contains("Ana") || stored.contains("json/plain"), stored);
    assertEquals(PLAIN, codec.decode(List.of(encoded)).get(0));
  }

  @Test
  void givenTheSamePayloadTwice_whenEncoded_itShouldUseAFreshNonceEachTime() {
    EncryptionCodec codec = new EncryptionCodec(List.of(NEW), NEW.id());
    List<Payload> encoded = codec.encode(List.of(PLAIN, PLAIN));
    assertNotEquals(encoded.get(0).getData(), encoded.get(1).getData());
    assertEquals(12 + PLAIN.getSerializedSize() + 16, encoded.get(0).getData().size(), "nonce, ciphertext, tag");
  }

  @Test
  void givenARotation_whenANewKeyIsAdded_itShouldEncryptWithItAndStillDecodeTheOldOnes() {
    Payload underOldKey = new EncryptionCodec(List.of(OLD), OLD.id()).encode(List.of(PLAIN)).get(0);
    EncryptionCodec rotated = new EncryptionCodec(List.of(OLD, NEW), NEW.id());

    assertEquals(PLAIN, rotated.decode(List.of(underOldKey)).get(0));
    Payload underNewKey = rotated.encode(List.of(PLAIN)).get(0);
    assertEquals("2026-12", underNewKey.getMetadataOrThrow(EncryptionCodec.KEY_ID).toStringUtf8());
    PayloadCodecException unknown = assertThrows(PayloadCodecException.class,
        () -> new EncryptionCodec(List.of(OLD), OLD.id()).decode(List.of(underNewKey)));
    assertTrue(unknown.getMessage().contains("unknown key id '2026-12'"), unknown.getMessage());
  }

  @Test
  void givenTamperedCiphertext_whenDecoded_itShouldBeRefused() {
    EncryptionCodec codec = new EncryptionCodec(List.of(NEW), NEW.id());
    Payload encoded = codec.encode(List.of(PLAIN)).get(0);
    byte[] data = encoded.getData().toByteArray();
    data[data.length / 2] ^= 1;
    Payload flipped = encoded.toBuilder().setData(ByteString.copyFrom(data)).build();
    Payload truncated = encoded.toBuilder().setData(encoded.getData().substring(0, 20)).build();

    for (Payload bad : List.of(flipped, truncated)) {
      assertThrows(PayloadCodecException.class, () -> codec.decode(List.of(bad)));
    }
  }

  @Test
  void givenAPayloadRelabelledWithAnotherKnownKeyId_whenDecoded_itShouldBeRefused() {
    PayloadKey sameBytes = new PayloadKey("other", bytes(2));
    EncryptionCodec codec = new EncryptionCodec(List.of(NEW, sameBytes), NEW.id());
    Payload encoded = codec.encode(List.of(PLAIN)).get(0);
    Payload relabelled = encoded.toBuilder().putMetadata(EncryptionCodec.KEY_ID, ByteString.copyFromUtf8("other")).build();
    assertThrows(PayloadCodecException.class, () -> codec.decode(List.of(relabelled)), "the key id is authenticated");
  }

  @Test
  void givenAnUnencryptedPayload_whenDecoded_itShouldPassThroughUnchanged() {
    EncryptionCodec codec = new EncryptionCodec(List.of(NEW), NEW.id());
    assertSame(PLAIN, codec.decode(List.of(PLAIN)).get(0), "histories written before encryption still replay");
  }

  @Test
  void givenNoActiveKey_whenEncoding_itShouldWritePlainPayloadsButStillDecodeEncryptedOnes() {
    Payload encrypted = new EncryptionCodec(List.of(OLD), OLD.id()).encode(List.of(PLAIN)).get(0);
    EncryptionCodec off = new EncryptionCodec(List.of(OLD), null);
    assertFalse(off.encrypts());
    assertSame(PLAIN, off.encode(List.of(PLAIN)).get(0));
    assertEquals(PLAIN, off.decode(List.of(encrypted)).get(0));
  }

  @Test
  void givenTheDataConverter_whenARecordTravels_itShouldArriveIntact() {
    DataConverter converter = new EncryptionCodec(List.of(NEW), NEW.id()).dataConverter();
    Payload payload = converter.toPayload(new Contact("Luis Gómez", "+573001234561")).orElseThrow();
    assertTrue(EncryptionCodec.isEncrypted(payload));
    assertEquals(new Contact("Luis Gómez", "+573001234561"), converter.fromPayload(payload, Contact.class, Contact.class));
  }

  @Test
  void givenBadKeys_itShouldRefuseThemWithoutPrintingThem() {
    assertThrows(IllegalArgumentException.class, () -> PayloadKey.fromBase64("k", "c2hvcnQ="));
    assertThrows(IllegalArgumentException.class, () -> PayloadKey.fromBase64("k", "not base64!"));
    assertThrows(IllegalArgumentException.class, () -> new EncryptionCodec(List.of(OLD, OLD), OLD.id()));
    assertThrows(IllegalArgumentException.class, () -> new EncryptionCodec(List.of(OLD), "missing"));
    assertEquals("PayloadKey[2026-01]", OLD.toString());
  }

  private static byte[] bytes(int seed) {
    byte[] key = new byte[PayloadKey.KEY_BYTES];
    for (int i = 0; i < key.length; i++) {
      key[i] = (byte) (seed * 31 + i);
    }
    return key;
  }
}
