package dev.vocero.workers.dev;

import io.dropwizard.lifecycle.Managed;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The embedded PostgreSQL (data kept under the data directory across restarts) and, unless an external
 * Temporal is given, Temporal's test server in real time, on a port and to this process in-process
 * ({@link EmbeddedTemporal}). Stopped after everything else.
 */
public class EmbeddedServices implements Managed {
  private final DataDirLock lock;
  private final EmbeddedPostgres postgres;
  private final EmbeddedTemporal temporal;
  private final int temporalPort;

  private EmbeddedServices(DataDirLock lock, EmbeddedPostgres postgres, EmbeddedTemporal temporal,
      int temporalPort) {
    this.lock = lock;
    this.postgres = postgres;
    this.temporal = temporal;
    this.temporalPort = temporalPort;
  }

  /** Starts PostgreSQL, and Temporal on {@code temporalPort} unless it is negative (external Temporal). */
  public static EmbeddedServices start(Path dataDir, int temporalPort) throws IOException {
    Files.createDirectories(dataDir);
    DataDirLock lock = DataDirLock.acquire(dataDir);
    EmbeddedPostgres postgres;
    try {
      DataDirLock.stopOrphanPostgres(dataDir.resolve("postgres"));
      postgres = EmbeddedPostgres.builder()
          .setDataDirectory(dataDir.resolve("postgres"))
          .setCleanDataDirectory(false)
          .setOverrideWorkingDirectory(Files.createDirectories(dataDir.resolve("postgres-runtime")).toFile())
          .setPort(freePort())
          .start();
    } catch (IOException | RuntimeException e) {
      lock.close();
      throw e;
    }
    if (temporalPort < 0) {
      return new EmbeddedServices(lock, postgres, null, -1);
    }
    try {
      EmbeddedTemporal temporal = EmbeddedTemporal.start(temporalPort);
      return new EmbeddedServices(lock, postgres, temporal, temporalPort);
    } catch (RuntimeException e) {
      postgres.close();
      lock.close();
      throw new IllegalStateException("Could not start the embedded Temporal on port " + temporalPort
          + " (is another Temporal running? use --temporal-port or --temporal host:port)", e);
    }
  }

  public String jdbcUrl() {
    return postgres.getJdbcUrl("postgres", "postgres");
  }

  public String temporalTarget() {
    return "localhost:" + temporalPort;
  }

  public boolean embeddedTemporal() {
    return temporal != null;
  }

  @Override
  public void stop() throws IOException {
    if (temporal != null) {
      temporal.close();
    }
    postgres.close();
    lock.close();
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
