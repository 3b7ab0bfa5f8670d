package dev.vocero.api.idempotency;

import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What "the same request" means for an Idempotency-Key: the same path and the same body bytes. A multipart body's
 * boundary is left out, since every client draws a new one for each send of the same file.
 */
final class RequestHash {
  private RequestHash() {}

  static String of(String path, MediaType type, byte[] body) {
    MessageDigest digest = sha256();
    digest.update(path.getBytes(StandardCharsets.UTF_8));
    digest.update((byte) 0);
    String boundary = type == null ? null : type.getParameters().get("boundary");
    if (boundary == null || boundary.isEmpty()) {
      digest.update(body);
    } else {
      updateWithout(digest, body, boundary.getBytes(StandardCharsets.ISO_8859_1));
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static void updateWithout(MessageDigest digest, byte[] body, byte[] boundary) {
    int start = 0;
    for (int i = 0; i + boundary.length <= body.length; i++) {
      if (matches(body, i, boundary)) {
        digest.update(body, start, i - start);
        i += boundary.length - 1;
        start = i + 1;
      }
    }
    digest.update(body, start, body.length - start);
  }

  private static boolean matches(byte[] body, int at, byte[] boundary) {
    for (int j = 0; j < boundary.length; j++) {
      if (body[at + j] != boundary[j]) {
        return false;
      }
    }
    return true;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
