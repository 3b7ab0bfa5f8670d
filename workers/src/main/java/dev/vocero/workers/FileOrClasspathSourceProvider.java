package dev.vocero.workers;

import io.dropwizard.configuration.ConfigurationSourceProvider;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a config file from disk, or {@code classpath:name.yml} from inside the jar (the dev defaults). */
class FileOrClasspathSourceProvider implements ConfigurationSourceProvider {
  static final String CLASSPATH = "classpath:";

  @Override
  public InputStream open(String path) throws IOException {
    if (path.startsWith(CLASSPATH)) {
      InputStream in = getClass().getClassLoader().getResourceAsStream(path.substring(CLASSPATH.length()));
      if (in == null) {
        throw new FileNotFoundException("No built-in configuration named " + path);
      }
      return in;
    }
    Path file = Path.of(path);
    if (!Files.isRegularFile(file)) {
      throw new FileNotFoundException("Configuration file not found: " + file.toAbsolutePath()
          + " (see deployment/vocero.yml for an example)");
    }
    return Files.newInputStream(file);
  }
}
