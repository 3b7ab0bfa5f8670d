package dev.vocero.workers.bench;

import dev.vocero.store.TestDatabase;
import dev.vocero.workers.TestStack;
import dev.vocero.workers.VoceroApplication;
import dev.vocero.workers.config.Mode;
import dev.vocero.workers.config.VoceroConfiguration;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link TestStack#app} without Dropwizard's console request log (one line per HTTP request, which on a small machine
 * costs as much CPU as the request itself). A ConfigOverride cannot do it: test-vocero.yml has no
 * {@code server.requestLog.appenders} array, and {@code server.requestLog.appenders[0].type} fails with "node with index
 * not found". So this writes a copy of test-vocero.yml with {@code requestLog: {appenders: []}} under target/ and
 * starts the app from it through TestStack.
 */
final class BenchStack {
  private BenchStack() {}

  static DropwizardAppExtension<VoceroConfiguration> app(TestDatabase db, String speechBaseUrl, ConfigOverride... extra) {
    return app(VoceroApplication.class, db, speechBaseUrl, extra);
  }

  /** The same with an application subclass (for example one that registers a baseline's workflow types). */
  static DropwizardAppExtension<VoceroConfiguration> app(Class<? extends VoceroApplication> application, TestDatabase db,
      String speechBaseUrl, ConfigOverride... extra) {
    List<ConfigOverride> overrides = new ArrayList<>(List.of(ConfigOverride.config("logging.loggers.dev\\.vocero", "WARN")));
    overrides.addAll(List.of(extra));
    return TestStack.app(application, quietConfig(), Mode.ALL, db, TestStack::temporalTarget, () -> speechBaseUrl,
        overrides.toArray(ConfigOverride[]::new));
  }

  private static String quietConfig() {
    try {
      String yml = Files.readString(Path.of(ResourceHelpers.resourceFilePath("test-vocero.yml")), StandardCharsets.UTF_8);
      if (!yml.startsWith("server:\n")) {
        throw new IllegalStateException("test-vocero.yml no longer starts with 'server:'");
      }
      yml = "server:\n  requestLog:\n    appenders: []\n" + yml.substring("server:\n".length());
      Path copy = Files.createDirectories(Path.of("target", "test-data")).resolve("bench-vocero.yml").toAbsolutePath();
      Files.writeString(copy, yml, StandardCharsets.UTF_8);
      return copy.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
