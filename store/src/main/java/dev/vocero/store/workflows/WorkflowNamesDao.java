package dev.vocero.store.workflows;

import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The names people gave the objects a workflow works on, for its summary and memo in Temporal. */
public interface WorkflowNamesDao {

  @SqlQuery("select name from organizations where id = :orgId")
  Optional<String> organisation(UUID orgId);

  @SqlQuery("select name from call_batches where id = :batchId")
  Optional<String> batch(UUID batchId);

  @SqlQuery("select name from campaigns where id = :campaignId")
  Optional<String> campaign(UUID campaignId);

  @SqlQuery("select name from message_waves where id = :waveId")
  Optional<String> wave(UUID waveId);

  /** The audio's title, else the file name it was uploaded with. */
  @SqlQuery("select coalesce(title, original_filename) from audios where id = :audioId")
  Optional<String> recording(UUID audioId);
}
