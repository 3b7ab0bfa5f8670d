package dev.vocero.workers.dev;

import dev.vocero.workers.ChildJvm;
import dev.vocero.workers.TestStack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What the {@code vocero dev} crash drills share: one dev process in its own JVM on a data directory (its sandbox
 * provider fast), started, killed with SIGKILL and started again; and the PostgreSQL it leaves in that directory.
 */
record DevDrill(ChildJvm jvm, int httpPort) {

  /** {@code vocero dev} run by {@code main} (VoceroApplication or a test subclass with a main) on {@code dataDir}. */
  static DevDrill start(Path dataDir, String name, Class<?> main, String... options) throws IOException {
    int http = TestStack.freePort();
    List<String> jvm = new ArrayList<>(List.of("-Xmx512m", "-Ddw.telephony.sandbox.speed=0.05",
        "-Ddw.telephony.sandbox.ringSeconds=2", "-Ddw.telephony.sandbox.record=false", "-Ddw.logging.level=WARN"));
    jvm.addAll(List.of(options));
    return new DevDrill(ChildJvm.start(name, dataDir.getParent(), main, jvm, List.of("dev", "--data-dir",
        dataDir.toString(), "--http-port", String.valueOf(http), "--admin-port", String.valueOf(TestStack.freePort()),
        "--temporal-port", String.valueOf(TestStack.freePort()))), http);
  }

  void awaitUp() throws InterruptedException {
    jvm.awaitUp(httpPort, "Vocero dev is running", Duration.ofSeconds(120));
  }

  static String adminPassword(Path dataDir) throws IOException {
    return Files.readString(dataDir.resolve("dev-admin-password")).trim();
  }

  /** The dev PostgreSQL of {@code dataDir}, while one runs there. */
  static Connection database(Path dataDir) throws IOException, SQLException {
    int port = Integer.parseInt(Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid")).get(3).trim());
    return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "postgres");
  }

  static int count(Connection db, String sql) throws SQLException {
    try (ResultSet rows = db.createStatement().executeQuery(sql)) {
      rows.next();
      return rows.getInt(1);
    }
  }

  /** Stops what a drill started (SIGTERM: dev stops its PostgreSQL), and any PostgreSQL a killed run left behind. */
  static void stopAll(Path dataDir, DevDrill... runs) throws InterruptedException, IOException {
    for (DevDrill run : runs) {
      if (run != null) {
        run.jvm().stop();
      }
    }
    DataDirLock.stopOrphanPostgres(dataDir.resolve("postgres"));
  }
}
