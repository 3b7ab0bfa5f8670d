package dev.vocero.workers.db;

import dev.vocero.store.VoceroDatabase;
import io.github.classgraph.ClassGraph;
import io.github.classgraph.ScanResult;
import java.util.List;
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
        if (factory.accepts(type)) {
          extensions.findMetadata(type, factory);
          built++;
        }
      } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
        LOG.debug("SQL object {} not built ahead: {}", name, e.toString());
      }
    }
    return built;
  }

  /** The store's interfaces named {@code …Dao}, from its own class path entry (a directory or the packaged jar). */
  static List<String> daoClassNames() {
    try (ScanResult scan = new ClassGraph().enableClassInfo()
        .overrideClassLoaders(VoceroDatabase.class.getClassLoader())
        .acceptPackages(VoceroDatabase.class.getPackageName()).scan()) {
      return scan.getAllInterfaces().filter(type -> type.getSimpleName().endsWith("Dao")).getNames();
    } catch (RuntimeException e) {
      LOG.debug("store classes not listed: {}", e.toString());
      return List.of();
    }
  }
}
