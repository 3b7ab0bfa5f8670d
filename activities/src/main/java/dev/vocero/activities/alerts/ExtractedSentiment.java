package dev.vocero.activities.alerts;

import dev.vocero.store.SharedDaos;
import dev.vocero.store.extraction.ExtractionDao;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Sentiment rules read the score of the audio's {@code sentiment} extractor. The audio workflow runs the
 * extractors before the alert rules, so the score of the same pass is there when it exists.
 */
public final class ExtractedSentiment implements SentimentSource {
  private final Jdbi jdbi;

  public ExtractedSentiment(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public Optional<Double> score(UUID orgId, UUID audioId) {
    return SharedDaos.of(jdbi).with(ExtractionDao.class, dao -> dao.sentimentScore(orgId, audioId));
  }
}
