package dev.vocero.workers.dev;

import java.nio.file.Path;

/** Placeholders in vocero-dev.yml that {@code dev} replaces, and the data directory it chose. */
final class DevDefaults {
  static final String BLOB_PLACEHOLDER = "file:set-by-dev";
  static final String SECRET_PLACEHOLDER = "set-by-dev-set-by-dev-set-by-dev-set-by-dev";
  private static volatile Path dataDir;

  private DevDefaults() {}

  static void remember(Path dir) {
    dataDir = dir;
  }

  static Path dataDir() {
    return dataDir;
  }
}
