package dev.vocero.workers;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A {@code vocero} process in a JVM of its own, started from the test classpath, for the crash drills: it can be
 * killed with SIGKILL ({@link #kill()}), which runs no shutdown hook, as a crashed machine would not.
 */
public record ChildJvm(String name, Process process, Path logFile) {

  /** Starts {@code main} with these JVM options and program arguments; its output goes to {@code <dir>/<name>.log}. */
  public static ChildJvm start(String name, Path dir, Class<?> main, List<String> jvmOptions, List<String> args)
      throws IOException {
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Path log = Files.createDirectories(dir).resolve(name + ".log");
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", classpath, main.getName()));
    command.addAll(args);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    return new ChildJvm(name, process, log);
  }

  /** Waits until the process accepts connections on {@code port} and its log holds {@code line} (null: any). */
  public void awaitUp(int port, String line, Duration timeout) throws InterruptedException {
    await(timeout, () -> {
      if (!process.isAlive()) {
        throw new AssertionError(name + " exited with " + process.exitValue() + ":\n" + log());
      }
      try (Socket socket = new Socket("localhost", port)) {
        return line == null || log().contains(line) ? true : null;
      } catch (IOException notYet) {
        return null;
      }
    }, name + " to start");
  }

  /** SIGKILL, and wait until the process is gone. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  /** SIGTERM (the process runs its shutdown hooks), then SIGKILL if it is still there after a minute. */
  public void stop() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        kill();
      }
    }
  }

  public String log() {
    try {
      return Files.exists(logFile) ? Files.readString(logFile, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      return "";
    }
  }

  /** Polls {@code probe} every 250 ms until it answers (not null); a probe's AssertionError ends the wait at once. */
  public static <T> T await(Duration timeout, Supplier<T> probe, String what) throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      T value;
      try {
        value = probe.get();
      } catch (AssertionError e) {
        throw e;
      } catch (RuntimeException e) {
        value = null;
      }
      if (value != null) {
        return value;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("timed out waiting for " + what);
  }
}
