package dev.vocero.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * One real PostgreSQL per test JVM (zonky embedded binaries), and a fresh migrated database per caller,
 * so test classes never see each other's rows.
 */
public final class TestDatabase {
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static EmbeddedPostgres postgres;
  private static boolean statementStats;

  private final String name;
  private final DataSource dataSource;

  private TestDatabase(String name, DataSource dataSource) {
    this.name = name;
    this.dataSource = dataSource;
  }

  /** Creates an empty database with the Vocero schema migrated into it. */
  public static TestDatabase fresh() {
    EmbeddedPostgres pg = server();
    String name = "vocero_test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
    try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      s.execute("create database " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("could not create test database " + name, e);
    }
    TestDatabase db = new TestDatabase(name, pg.getDatabase("postgres", name));
    VoceroDatabase.migrate(db.dataSource);
    return db;
  }

  /**
   * The same on a server that counts every statement ({@code pg_stat_statements}, for the benchmarks' cost accounting);
   * it must be the JVM's first database, since the library is loaded when the server starts.
   */
  public static synchronized TestDatabase freshWithStatementStats() {
    if (postgres != null && !statementStats) {
      throw new IllegalStateException("the test PostgreSQL already runs without pg_stat_statements");
    }
    statementStats = true;
    TestDatabase db = fresh();
    db.jdbi().useHandle(h -> h.execute("create extension if not exists pg_stat_statements"));
    return db;
  }

  private static synchronized EmbeddedPostgres server() {
    if (postgres == null) {
      try {
        Path dir = Files.createDirectories(Path.of("target", "embedded-pg"));
        // one server for every test class of the JVM: their applications' pools add up past the default 100
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setOverrideWorkingDirectory(dir.toFile())
            .setServerConfig("max_connections", "400");
        if (statementStats) {
          builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
        }
        postgres = builder.start();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          postgres.close();
        } catch (IOException ignored) {
          // the JVM is exiting
        }
      }));
    }
    return postgres;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  public Jdbi jdbi() {
    return VoceroDatabase.configure(Jdbi.create(dataSource));
  }

  public String jdbcUrl() {
    return server().getJdbcUrl("postgres", name);
  }

  public String user() {
    return "postgres";
  }

  public String password() {
    return "postgres";
  }
}
