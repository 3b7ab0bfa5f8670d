package dev.vocero.activities.telephony;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a sandbox placed (calls by attempt, messages by message id), kept in a file when it has one: a {@code dev}
 * started again after a crash then finds what the killed run placed, as a retry finds it at Twilio, instead of placing
 * it a second time. One line per entry, appended before the sandbox answers.
 */
public final class SandboxJournal {
  /** One call or message the sandbox placed. */
  public record Entry(UUID id, String sid, String to, Instant at) {}

  private final Path file;
  private final Map<UUID, Entry> entries = new ConcurrentHashMap<>();

  private SandboxJournal(Path file) {
    this.file = file;
  }

  /** Kept in memory only (tests, or no data directory). */
  public static SandboxJournal inMemory() {
    return new SandboxJournal(null);
  }

  /** Kept in {@code file}, with what an earlier run wrote there. */
  public static SandboxJournal in(Path file) {
    SandboxJournal journal = new SandboxJournal(file);
    try {
      if (Files.exists(file)) {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          String[] f = line.split(" ");
          if (f.length == 4) { // a line cut short by a crash is not an entry
            Entry entry = new Entry(UUID.fromString(f[0]), f[1], f[2], Instant.ofEpochMilli(Long.parseLong(f[3])));
            journal.entries.put(entry.id(), entry);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return journal;
  }

  public void add(UUID id, String sid, String to, Instant at) {
    entries.put(id, new Entry(id, sid, to, at));
    if (file != null) {
      try {
        Files.writeString(file, id + " " + sid + " " + to + " " + at.toEpochMilli() + "\n", StandardCharsets.UTF_8,
            StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  public Optional<Entry> find(UUID id) {
    return Optional.ofNullable(entries.get(id));
  }
}
