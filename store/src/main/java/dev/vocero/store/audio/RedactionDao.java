package dev.vocero.store.audio;

import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** How many PII matches were replaced in an audio's transcript, as JSON ({@code {"phone": 2}}); null when off. */
public interface RedactionDao {

  @SqlUpdate("update audios set redactions = cast(:countsJson as jsonb), updated_at = now()"
      + " where org_id = :orgId and id = :id")
  int record(UUID orgId, UUID id, String countsJson);

  @SqlQuery("select cast(redactions as text) from audios where org_id = :orgId and id = :id and redactions is not null")
  Optional<String> find(UUID orgId, UUID id);
}
