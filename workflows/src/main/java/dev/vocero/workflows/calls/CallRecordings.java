package dev.vocero.workflows.calls;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Which answered attempts of one contact are recorded, and what the provider said about their recordings.
 * Events are deduplicated by key; the first final word (completed, absent, failed) per attempt wins. Bounded.
 */
final class CallRecordings {
  static final int MAX_KEYS = 64;

  private final Set<String> seenKeys = new LinkedHashSet<>();
  private final Map<UUID, RecordingEvent> heard = new LinkedHashMap<>();
  private final Map<UUID, Long> expected = new LinkedHashMap<>();

  /** An answered attempt that was placed with recording on: its recording is awaited for up to waitSeconds. */
  void expect(UUID attemptId, long waitSeconds) {
    if (attemptId != null && waitSeconds > 0) {
      expected.put(attemptId, waitSeconds);
    }
  }

  /** Returns false for a duplicate, a non-final status or a second word about the same attempt. */
  boolean receive(RecordingEvent event) {
    if (event == null || event.attemptId() == null || !event.terminal() || isDuplicate(event.eventKey())) {
      return false;
    }
    if (heard.containsKey(event.attemptId()) || heard.size() >= ProviderEventLog.MAX_ATTEMPTS) {
      return false;
    }
    heard.put(event.attemptId(), event);
    return true;
  }

  boolean expecting() {
    return !expected.isEmpty();
  }

  /** The longest wait any expected attempt asked for. */
  long waitSeconds() {
    return expected.values().stream().mapToLong(Long::longValue).max().orElse(0);
  }

  boolean allHeard() {
    return heard.keySet().containsAll(expected.keySet());
  }

  /** Downloadable recordings of the expected attempts, in attempt order. */
  List<RecordingEvent> available() {
    List<RecordingEvent> ready = new ArrayList<>();
    for (UUID attemptId : expected.keySet()) {
      RecordingEvent event = heard.get(attemptId);
      if (event != null && event.available()) {
        ready.add(event);
      }
    }
    return ready;
  }

  int missing() {
    return (int) expected.keySet().stream().filter(id -> !heard.containsKey(id)).count();
  }

  private boolean isDuplicate(String key) {
    if (key == null) {
      return false;
    }
    if (!seenKeys.add(key)) {
      return true;
    }
    if (seenKeys.size() > MAX_KEYS) {
      Iterator<String> oldest = seenKeys.iterator();
      oldest.next();
      oldest.remove();
    }
    return false;
  }
}
