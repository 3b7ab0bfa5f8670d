package dev.vocero.workers.dev;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One {@code vocero dev} per data directory, and nothing left behind by the one before. The lock file is held for
 * the life of the process (the OS releases it however the process ends, SIGKILL included). Holding it proves that
 * a PostgreSQL still running on the data directory is an orphan of a killed run, which is stopped before ours starts.
 */
final class DataDirLock implements AutoCloseable {
  private static final Duration ORPHAN_STOP = Duration.ofSeconds(30);
  private final FileChannel channel;
  private final FileLock lock;

  private DataDirLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** @throws IllegalStateException when another live {@code vocero dev} uses this data directory */
  static DataDirLock acquire(Path dataDir) throws IOException {
    Path file = dataDir.resolve("dev.lock");
    FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock = channel.tryLock();
    if (lock == null) {
      channel.close();
      throw new IllegalStateException("Another 'vocero dev' is running on " + dataDir + " (see " + file
          + "). Stop it first, or give this one its own --data-dir.");
    }
    channel.truncate(0).write(java.nio.ByteBuffer.wrap(
        String.valueOf(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII)));
    return new DataDirLock(channel, lock);
  }

  /** Stops a PostgreSQL that a killed run left on {@code pgData} (its postmaster.pid names it); waits for it to go. */
  static void stopOrphanPostgres(Path pgData) throws IOException {
    Path pidFile = pgData.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
    Optional<ProcessHandle> orphan = lines.isEmpty() ? Optional.empty() : parse(lines.get(0)).flatMap(ProcessHandle::of)
        .filter(ProcessHandle::isAlive)
        .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(true));
    if (orphan.isEmpty()) {
      return; // a stale pid file: PostgreSQL itself ignores it when that process is gone
    }
    ProcessHandle postgres = orphan.get();
    System.out.println("  A PostgreSQL left running by an earlier 'vocero dev' (pid " + postgres.pid() + ") still holds "
        + pgData + "; stopping it.");
    postgres.destroy(); // SIGTERM: PostgreSQL's smart shutdown, its data stays consistent
    Instant deadline = Instant.now().plus(ORPHAN_STOP);
    while (postgres.isAlive() && Instant.now().isBefore(deadline)) {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while waiting for the old PostgreSQL to stop", e);
      }
    }
    if (postgres.isAlive()) {
      System.out.println("  It did not stop within " + ORPHAN_STOP.toSeconds() + " s; killing it (PostgreSQL recovers"
          + " from its write-ahead log on start).");
      postgres.destroyForcibly();
      postgres.onExit().join();
    }
  }

  private static Optional<Long> parse(String line) {
    try {
      return Optional.of(Long.parseLong(line.trim()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  @Override
  public void close() throws IOException {
    lock.release();
    channel.close();
  }
}
