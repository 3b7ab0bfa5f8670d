package dev.vocero.store.extraction;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Extraction results of an audio, one row per extractor version. */
@RegisterConstructorMapper(ExtractionRow.class)
public interface ExtractionDao {

  @SqlQuery("select extractor, extractor_version, status, result::text as result, provider, model, error, answers,"
      + " created_at from extractions where org_id = :orgId and audio_id = :audioId order by extractor")
  List<ExtractionRow> list(UUID orgId, UUID audioId);

  /** The score of the newest successful {@code sentiment} extraction, in [-1, 1] as its schema requires. */
  @SqlQuery("select (result ->> 'score')::float8 from extractions where org_id = :orgId and audio_id = :audioId"
      + " and extractor = 'sentiment' and status = 'ok' and jsonb_typeof(result -> 'score') = 'number'"
      + " order by extractor_version desc, created_at desc limit 1")
  Optional<Double> sentimentScore(UUID orgId, UUID audioId);

  @SqlUpdate("delete from extractions where org_id = :orgId and audio_id = :audioId")
  int deleteAll(UUID orgId, UUID audioId);

  /** Idempotent: a retried activity overwrites its own row. */
  @SqlUpdate("insert into extractions (org_id, audio_id, extractor, extractor_version, status, result, provider, model,"
      + " error, answers) values (:orgId, :audioId, :extractor, :version, :status, cast(:result as jsonb), :provider,"
      + " :model, :error, :answers) on conflict (audio_id, extractor, extractor_version) do update set"
      + " status = excluded.status, result = excluded.result, provider = excluded.provider, model = excluded.model,"
      + " error = excluded.error, answers = excluded.answers, created_at = now()")
  void record(UUID orgId, UUID audioId, String extractor, int version, String status, String result, String provider,
      String model, String error, int answers);

  /** {@link #record} of one status and error for several extractors, in one batch (one round trip). */
  @SqlBatch("insert into extractions (org_id, audio_id, extractor, extractor_version, status, error, answers)"
      + " values (:orgId, :audioId, :e.name, :e.version, :status, :error, 0)"
      + " on conflict (audio_id, extractor, extractor_version) do update set status = excluded.status, result = null,"
      + " provider = null, model = null, error = excluded.error, answers = 0, created_at = now()")
  void recordAll(UUID orgId, UUID audioId, @BindMethods("e") List<ExtractorRow> extractors, String status,
      String error);
}
