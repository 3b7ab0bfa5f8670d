package dev.vocero.activities.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vocero.store.blob.BlobStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.component.file.FileComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CamelBlobStoreTest {
  static CamelContext camel;

  @TempDir Path dir;

  @BeforeAll
  static void startCamel() {
    camel = new DefaultCamelContext();
    // the file component under another name exercises the path taken by remote file-like schemes
    camel.addComponent("remotefile", new FileComponent());
    camel.start();
  }

  @AfterAll
  static void stopCamel() {
    camel.stop();
  }

  private static byte[] bytes(int size, long seed) {
    byte[] data = new byte[size];
    new Random(seed).nextBytes(data);
    return data;
  }

  private static String key(char c) {
    return BlobStore.keyFor(String.valueOf(c).repeat(64));
  }

  private List<Path> filesUnder(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).toList();
    }
  }

  @Test
  void givenAFewMegabytes_whenPutAndOpened_itShouldRoundTripWithoutLeavingTempFiles() throws Exception {
    CamelBlobStore blobs = new CamelBlobStore(camel, CamelBlobStore.fileEndpoint(dir));
    byte[] data = bytes(5 * 1024 * 1024 + 17, 1);
    String key = key('a');

    blobs.put(key, new ByteArrayInputStream(data), data.length);

    assertTrue(blobs.exists(key));
    try (InputStream in = blobs.open(key)) {
      assertArrayEquals(data, in.readAllBytes());
    }
    assertEquals(List.of(dir.resolve(key)), filesUnder(dir));
  }

  @Test
  void givenAStoredKey_whenPutAgain_itShouldKeepOneBlob() throws Exception {
    CamelBlobStore blobs = new CamelBlobStore(camel, CamelBlobStore.fileEndpoint(dir));
    byte[] data = bytes(1000, 2);
    String key = key('b');

    blobs.put(key, new ByteArrayInputStream(data), data.length);
    blobs.put(key, new ByteArrayInputStream(data), data.length);

    assertEquals(List.of(dir.resolve(key)), filesUnder(dir));
    try (InputStream in = blobs.open(key)) {
      assertArrayEquals(data, in.readAllBytes());
    }
  }

  @Test
  void givenAMissingKey_itShouldNotExistAndDeleteShouldBeHarmless() throws Exception {
    CamelBlobStore blobs = new CamelBlobStore(camel, CamelBlobStore.fileEndpoint(dir));
    String key = key('c');

    assertFalse(blobs.exists(key));
    assertThrows(NoSuchFileException.class, () -> blobs.open(key));
    blobs.delete(key);

    blobs.put(key, new ByteArrayInputStream(new byte[] {1, 2, 3}), 3);
    blobs.delete(key);
    blobs.delete(key);
    assertFalse(blobs.exists(key));
  }

  @Test
  void givenAStreamThatFailsHalfway_whenPut_itShouldNotLeaveABlobUnderTheKey() throws IOException {
    CamelBlobStore blobs = new CamelBlobStore(camel, CamelBlobStore.fileEndpoint(dir));
    String key = key('d');
    InputStream broken = new InputStream() {
      private int served;

      @Override
      public int read() throws IOException {
        if (served++ > 100_000) {
          throw new IOException("connection reset");
        }
        return 7;
      }
    };

    assertThrows(IOException.class, () -> blobs.put(key, broken, 1_000_000));
    assertFalse(Files.exists(dir.resolve(key)));
    assertFalse(blobs.exists(key));
    for (Path leftover : filesUnder(dir)) {
      assertTrue(leftover.getFileName().toString().matches("\\..*\\.part"), leftover.toString());
    }
  }

  @Test
  void givenAnEndpointWithoutAComponent_itShouldFailAtConstruction() {
    assertThrows(RuntimeException.class, () -> new CamelBlobStore(camel, "nosuchscheme:/blobs"));
    assertThrows(IllegalArgumentException.class, () -> new CamelBlobStore(camel, "/no/scheme"));
  }

  @Test
  void givenAStreamShorterOrLongerThanAnnounced_whenPut_itShouldKeepNothing() throws IOException {
    CamelBlobStore blobs = new CamelBlobStore(camel, CamelBlobStore.fileEndpoint(dir));
    byte[] data = bytes(300_000, 4);

    assertThrows(IOException.class, () -> blobs.put(key('f'), new ByteArrayInputStream(data), data.length + 1));
    assertThrows(IOException.class, () -> blobs.put(key('f'), new ByteArrayInputStream(data), data.length - 1));
    assertFalse(blobs.exists(key('f')));

    blobs.put(key('f'), new ByteArrayInputStream(data), -1);
    assertTrue(blobs.exists(key('f')));
  }

  @Test
  void givenKeysThatLeaveTheDirectory_itShouldRejectThem() throws IOException {
    CamelBlobStore blobs = new CamelBlobStore(camel, CamelBlobStore.fileEndpoint(dir.resolve("blobs")));
    Path outside = Files.writeString(dir.resolve("secret"), "keep me");
    for (String bad : List.of("../secret", "sha256/../../etc/passwd", "/etc/passwd", "a//b", "", ".hidden",
        "sha256/ab/..", "C:\\windows", "a/${date:now}")) {
      assertThrows(IllegalArgumentException.class, () -> blobs.open(bad), bad);
      assertThrows(IllegalArgumentException.class, () -> blobs.exists(bad), bad);
      assertThrows(IllegalArgumentException.class, () -> blobs.delete(bad), bad);
      assertThrows(IllegalArgumentException.class,
          () -> blobs.put(bad, new ByteArrayInputStream(new byte[1]), 1), bad);
    }
    assertEquals(List.of(outside), filesUnder(dir));
  }

  @Test
  void givenAnotherFileLikeScheme_itShouldReadThroughAPollAndRefuseExists() throws Exception {
    CamelBlobStore blobs = new CamelBlobStore(camel, "remotefile:" + dir.toAbsolutePath(), Duration.ofSeconds(5));
    byte[] data = bytes(200_000, 3);
    String key = key('e');

    blobs.put(key, new ByteArrayInputStream(data), data.length);

    try (InputStream in = blobs.open(key)) {
      assertArrayEquals(data, in.readAllBytes());
    }
    assertTrue(Files.exists(dir.resolve(key)));
    assertThrows(UnsupportedOperationException.class, () -> blobs.exists(key));
  }
}
