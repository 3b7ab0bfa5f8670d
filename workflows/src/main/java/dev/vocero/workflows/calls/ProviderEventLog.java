package dev.vocero.workflows.calls;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What the provider said about each attempt of one contact. Events are deduplicated by key; a terminal
 * event is final; among the others the highest sequence wins. Both memories are bounded.
 */
final class ProviderEventLog {
  static final int MAX_KEYS = 256;
  static final int MAX_ATTEMPTS = 64;

  private final Set<String> seenKeys = new LinkedHashSet<>();
  private final Map<UUID, Attempt> attempts = new LinkedHashMap<>(16, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<UUID, Attempt> eldest) {
      return size() > MAX_ATTEMPTS;
    }
  };

  /** Applies {@code event} to {@code attemptId}; returns false when it was a duplicate or changed nothing. */
  boolean record(UUID attemptId, ProviderEvent event) {
    if (attemptId == null || event == null || isDuplicate(event.eventKey())) {
      return false;
    }
    return attempts.computeIfAbsent(attemptId, id -> new Attempt()).apply(event);
  }

  ProviderEvent terminalFor(UUID attemptId) {
    Attempt attempt = attempts.get(attemptId);
    return attempt == null ? null : attempt.terminal;
  }

  /** The terminal event when there is one, else the latest in sequence order. */
  ProviderEvent latestFor(UUID attemptId) {
    Attempt attempt = attempts.get(attemptId);
    if (attempt == null) {
      return null;
    }
    return attempt.terminal != null ? attempt.terminal : attempt.latest;
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

  private static final class Attempt {
    private ProviderEvent terminal;
    private ProviderEvent latest;

    boolean apply(ProviderEvent event) {
      if (terminal != null) {
        return false;
      }
      if (event.terminal()) {
        terminal = event;
        return true;
      }
      if (latest == null || event.sequence() > latest.sequence()) {
        latest = event;
        return true;
      }
      return false;
    }
  }
}
