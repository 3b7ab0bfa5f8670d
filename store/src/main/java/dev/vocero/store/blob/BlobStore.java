package dev.vocero.store.blob;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where audio bytes live. Keys are content-addressed ({@code sha256/ab/abcdef…}); the API writes a blob
 * before it creates the row that points at it, and the workers read it.
 */
public interface BlobStore {

  /** Stores the stream under {@code key}; storing the same key twice is harmless (same content). */
  void put(String key, InputStream content, long sizeBytes) throws IOException;

  InputStream open(String key) throws IOException;

  boolean exists(String key) throws IOException;

  /** Deletes the blob; a missing blob is not an error. */
  void delete(String key) throws IOException;

  /** The content-addressed key for a lowercase hex SHA-256. */
  static String keyFor(String sha256Hex) {
    return "sha256/" + sha256Hex.substring(0, 2) + "/" + sha256Hex;
  }
}
