package dev.vocero.activities.extraction;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vocero.activities.llm.LanguageModel;
import dev.vocero.activities.llm.LanguageModelException;
import dev.vocero.store.SharedDaos;
import dev.vocero.store.audio.AudioDao;
import dev.vocero.store.audio.AudioRow;
import dev.vocero.store.audio.SegmentRow;
import dev.vocero.store.audio.TranscriptDao;
import dev.vocero.store.extraction.DefaultExtractors;
import dev.vocero.store.extraction.ExtractionDao;
import dev.vocero.store.extraction.ExtractorDao;
import dev.vocero.store.extraction.ExtractorRow;
import dev.vocero.workflows.audio.ExtractionActivities;
import dev.vocero.workflows.audio.ExtractionFailure;
import dev.vocero.workflows.audio.ExtractionOutcome;
import dev.vocero.workflows.audio.ExtractionPlan;
import dev.vocero.workflows.audio.ExtractionPlanRequest;
import dev.vocero.workflows.audio.ExtractionRequest;
import dev.vocero.workflows.audio.ExtractorRef;
import dev.vocero.workflows.audio.AudioFailure;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Extraction steps against PostgreSQL and the configured language model chain. */
public final class ExtractionActivitiesImpl implements ExtractionActivities {
  /** Type of the retryable failure raised when no provider of the chain could answer for now. */
  public static final String LLM_UNAVAILABLE = "LanguageModelUnavailable";
  static final String NO_MODEL = "skipped: no language model configured (see docs/features/extraction.md)";
  static final String EMPTY_TRANSCRIPT = "skipped: the transcript is empty";

  private static final Logger LOG = LoggerFactory.getLogger(ExtractionActivitiesImpl.class);

  private final Jdbi jdbi;
  private final LanguageModel model;
  private final StructuredExtractor extractor;
  private final AudioDao audios;
  private final TranscriptDao transcripts;
  private final ExtractorDao extractors;
  private final ExtractionDao extractions;

  public ExtractionActivitiesImpl(Jdbi jdbi, LanguageModel model, ObjectMapper json) {
    this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    this.model = Objects.requireNonNull(model, "model");
    this.extractor = new StructuredExtractor(model, json);
    this.audios = jdbi.onDemand(AudioDao.class);
    this.transcripts = jdbi.onDemand(TranscriptDao.class);
    this.extractors = jdbi.onDemand(ExtractorDao.class);
    this.extractions = jdbi.onDemand(ExtractionDao.class);
  }

  @Override
  public ExtractionPlan planExtractions(ExtractionPlanRequest request) {
    UUID orgId = request.orgId();
    // One pooled handle and one transaction for the whole step; the skipped rows go in one batch
    return jdbi.inTransaction(handle -> {
      AudioRow audio = SharedDaos.attach(handle, AudioDao.class).find(orgId, request.audioId())
          .orElseThrow(() -> AudioFailure.AUDIO_NOT_FOUND.failure("audio " + request.audioId() + " not found"));
      List<ExtractorRow> enabled = enabledSeedingDefaults(SharedDaos.attach(handle, ExtractorDao.class), orgId);
      String skipped = !model.configured() ? NO_MODEL
          : SharedDaos.attach(handle, TranscriptDao.class).count(orgId, audio.id()) == 0 ? EMPTY_TRANSCRIPT : null;
      ExtractionDao dao = SharedDaos.attach(handle, ExtractionDao.class);
      dao.deleteAll(orgId, audio.id());
      if (skipped == null) {
        return new ExtractionPlan(enabled.stream().map(e -> new ExtractorRef(e.name(), e.version())).toList(), null);
      }
      if (!enabled.isEmpty()) {
        dao.recordAll(orgId, audio.id(), enabled, ExtractionResult.SKIPPED, skipped);
      }
      LOG.info("audio {}: {} extractors {}", audio.id(), enabled.size(), skipped);
      return new ExtractionPlan(List.of(), skipped);
    });
  }

  /** An organization with no extractor at all gets the defaults; one whose extractors are all disabled does not. */
  private static List<ExtractorRow> enabledSeedingDefaults(ExtractorDao dao, UUID orgId) {
    List<ExtractorRow> enabled = dao.listEnabled(orgId);
    if (enabled.isEmpty() && DefaultExtractors.seedIfNone(dao, orgId) > 0) {
      return dao.listEnabled(orgId);
    }
    return enabled;
  }

  @Override
  public ExtractionOutcome extract(ExtractionRequest request) {
    UUID orgId = request.orgId();
    AudioRow audio = find(orgId, request.audioId());
    ExtractorRow definition = extractors.findVersion(orgId, request.extractor(), request.version())
        .orElseThrow(() -> AudioFailure.EXTRACTOR_NOT_FOUND.failure("extractor " + request.extractor() + " v"
            + request.version() + " does not exist in this organization"));
    List<SegmentRow> segments = transcripts.list(orgId, audio.id());
    long started = System.nanoTime();
    ExtractionResult result;
    try {
      result = extractor.run(definition, segments, audio.language());
    } catch (LanguageModelException e) {
      LOG.info("audio {} extractor {} v{}: language model {} after {} ms", audio.id(), definition.name(),
          definition.version(), e.kind(), (System.nanoTime() - started) / 1_000_000);
      throw ApplicationFailure.newBuilder().setMessage(e.getMessage()).setType(LLM_UNAVAILABLE)
          .setNonRetryable(false).setNextRetryDelay(e.retryAfter()).build();
    }
    extractions.record(orgId, audio.id(), definition.name(), definition.version(), result.status(),
        result.resultJson(), result.provider(), result.model(), result.error(), result.answers());
    LOG.info("audio {} extractor {} v{}: {} by {} ({} answers) in {} ms", audio.id(), definition.name(),
        definition.version(), result.status(), result.provider(), result.answers(),
        (System.nanoTime() - started) / 1_000_000);
    return new ExtractionOutcome(definition.name(), definition.version(), result.status(), result.provider());
  }

  @Override
  public void recordExtractionFailure(ExtractionFailure failure) {
    extractions.record(failure.orgId(), failure.audioId(), failure.extractor(), failure.version(),
        ExtractionResult.FAILED, null, null, null, failure.reason(), 0);
  }

  private AudioRow find(UUID orgId, UUID audioId) {
    return audios.find(orgId, audioId)
        .orElseThrow(() -> AudioFailure.AUDIO_NOT_FOUND.failure("audio " + audioId + " not found"));
  }
}
