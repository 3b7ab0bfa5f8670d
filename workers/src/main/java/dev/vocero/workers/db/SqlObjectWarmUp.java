package dev.vocero.workers.db;

import dev.vocero.store.VoceroDatabase;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.extension.ExtensionFactory;
import org.jdbi.v3.core.extension.Extensions;
import org.jdbi.v3.sqlobject.SqlObjectFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the SQL-object metadata of every store DAO once, in the {@link Jdbi}'s own configuration. A handle copies that
 * cache when it opens and keeps what it builds to itself, so a DAO not built here is built again on every handle (a
 * tenth of the audio pipeline's CPU, docs/benchmarks.md).
 */
final class SqlObjectWarmUp {
  private static final Logger LOG = LoggerFactory.getLogger(SqlObjectWarmUp.class);
  private static final String PACKAGE = VoceroDatabase.class.getPackageName().replace('.', '/') + "/";

  private SqlObjectWarmUp() {}

  /** How many DAO types were built; none when the store's classes cannot be listed (then each handle builds them). */
  static int warm(Jdbi jdbi) {
    Extensions extensions = jdbi.getConfig(Extensions.class);
    ExtensionFactory factory = extensions.findFactory(SqlObjectFactory.class).orElse(null);
    if (factory == null) {
      return 0;
    }
    int built = 0;
    for (String name : daoClassNames()) {
      try {
        Class<?> type = Class.forName(name, false, VoceroDatabase.class.getClassLoader());
        if (type.isInterface() && factory.accepts(type)) {
          extensions.findMetadata(type, factory);
          built++;
        }
      } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
        LOG.debug("SQL object {} not built ahead: {}", name, e.toString());
      }
    }
    return built;
  }

  static List<String> daoClassNames() {
    try {
      Path root = Path.of(VoceroDatabase.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return Files.isDirectory(root) ? fromDirectory(root) : fromJar(root);
    } catch (IOException | URISyntaxException | RuntimeException e) {
      LOG.debug("store classes not listed: {}", e.toString());
      return List.of();
    }
  }

  private static List<String> fromDirectory(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root.resolve(PACKAGE))) {
      return files.map(p -> root.relativize(p).toString().replace('\\', '/')).filter(SqlObjectWarmUp::isDao)
          .map(SqlObjectWarmUp::className).toList();
    }
  }

  private static List<String> fromJar(Path jar) throws IOException {
    List<String> names = new ArrayList<>();
    try (JarFile file = new JarFile(jar.toFile())) {
      file.stream().map(e -> e.getName()).filter(SqlObjectWarmUp::isDao).map(SqlObjectWarmUp::className)
          .forEach(names::add);
    }
    return names;
  }

  private static boolean isDao(String path) {
    return path.startsWith(PACKAGE) && path.endsWith("Dao.class");
  }

  private static String className(String path) {
    return path.substring(0, path.length() - ".class".length()).replace('/', '.');
  }
}
