package dev.vocero.workers.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.vocero.workflows.codec.EncryptionCodec;
import io.temporal.api.common.v1.Payload;
import io.temporal.common.converter.DefaultDataConverter;
import java.util.List;
import org.junit.jupiter.api.Test;

class EncryptionConfigTest {
  static final String OLD = "b2xkLWtleS1vbGQta2V5LW9sZC1rZXktb2xkLWtleSE=";
  static final String NEW = "bmV3LWtleS1uZXcta2V5LW5ldy1rZXktbmV3LWtleSE=";
  static final Payload PLAIN = DefaultDataConverter.STANDARD_INSTANCE.toPayload("+573001234560").orElseThrow();
  final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

  EncryptionConfig read(String text) throws Exception {
    return yaml.readValue(text, EncryptionConfig.class);
  }

  @Test
  void givenTheDeploymentShapeWithTheSecondSlotUnset_itShouldBuildWithTheOneKey() throws Exception {
    EncryptionConfig config = read("""
        enabled: "true"
        activeKeyId: k1
        keys:
          - {id: k1, key: "%s"}
          - {id: "", key: ""}
        """.formatted(NEW));
    assertEquals(List.of(), config.problems());
    EncryptionCodec codec = config.build();
    assertTrue(codec.encrypts());
    assertTrue(EncryptionCodec.isEncrypted(codec.encode(List.of(PLAIN)).get(0)));
  }

  @Test
  void givenARotation_itShouldEncryptWithTheActiveKeyAndDecodeWithBoth() throws Exception {
    Payload underOld = read("{activeKeyId: k1, keys: [{id: k1, key: \"%s\"}]}".formatted(OLD)).build()
        .encode(List.of(PLAIN)).get(0);
    EncryptionCodec rotated = read("{activeKeyId: k2, keys: [{id: k2, key: \"%s\"}, {id: k1, key: \"%s\"}]}"
        .formatted(NEW, OLD)).build();
    assertEquals(PLAIN, rotated.decode(List.of(underOld)).get(0));
    assertEquals("k2", rotated.encode(List.of(PLAIN)).get(0).getMetadataOrThrow(EncryptionCodec.KEY_ID).toStringUtf8());
  }

  @Test
  void givenEncryptionOff_itShouldWritePlainPayloadsAndStillReadOldOnes() throws Exception {
    Payload underOld = read("{activeKeyId: k1, keys: [{id: k1, key: \"%s\"}]}".formatted(OLD)).build()
        .encode(List.of(PLAIN)).get(0);
    EncryptionCodec off = read("{enabled: false, keys: [{id: k1, key: \"%s\"}]}".formatted(OLD)).build();
    assertFalse(off.encrypts());
    assertSame(PLAIN, off.encode(List.of(PLAIN)).get(0));
    assertEquals(PLAIN, off.decode(List.of(underOld)).get(0));
    assertEquals(List.of(), read("{enabled: false}").problems(), "off needs no key");
  }

  @Test
  void givenNoKey_itShouldNotBuildButLetDevMakeOne() throws Exception {
    EncryptionConfig none = read("{keys: [{id: k1, key: \"\"}]}");
    assertTrue(none.needsDevKey());
    IllegalStateException refused = assertThrows(IllegalStateException.class, none::build);
    assertTrue(refused.getMessage().contains("VOCERO_PAYLOAD_KEY"), refused.getMessage());
    assertFalse(read("{enabled: false}").needsDevKey());
  }

  @Test
  void givenTheKeysOfAConfig_whenPrinted_itShouldNeverShowThem() throws Exception {
    EncryptionConfig config = read("{activeKeyId: k1, keys: [{id: k1, key: \"%s\"}]}".formatted(OLD));
    assertEquals("Key[k1]", config.getKeys().get(0).toString());
    assertFalse(config.problems().toString().contains(OLD));
  }
}
