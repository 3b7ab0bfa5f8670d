package dev.vocero.activities.alerts;

import java.util.Optional;
import java.util.UUID;

/** Where sentiment rules read an audio's sentiment: a score in [-1, 1], empty when none is known. */
public interface SentimentSource {

  Optional<Double> score(UUID orgId, UUID audioId);

  /** No sentiment known: sentiment rules never fire. */
  SentimentSource NONE = (orgId, audioId) -> Optional.empty();
}
