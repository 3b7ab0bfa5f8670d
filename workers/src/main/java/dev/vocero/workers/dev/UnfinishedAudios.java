package dev.vocero.workers.dev;

import dev.vocero.api.audio.AudioWorkflows;
import dev.vocero.store.SharedDaos;
import dev.vocero.store.audio.AudioDao;
import dev.vocero.store.audio.AudioRow;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Restarts the workflow of every audio PostgreSQL shows unfinished. The embedded Temporal forgets
 * everything on restart; the activities are idempotent, so running an audio again is safe, and a
 * workflow that is in fact still running is left alone (REJECT_DUPLICATE).
 */
public final class UnfinishedAudios {
  private static final Logger LOG = LoggerFactory.getLogger(UnfinishedAudios.class);

  private UnfinishedAudios() {}

  public static int restart(Jdbi jdbi, AudioWorkflows workflows) {
    List<AudioRow> unfinished = SharedDaos.of(jdbi).with(AudioDao.class, dao -> dao.listUnfinishedAllOrganizations(10_000));
    int started = 0;
    for (AudioRow audio : unfinished) {
      try {
        workflows.start(audio.orgId(), audio.id(), audio.requestedLanguage());
        started++;
      } catch (RuntimeException e) {
        LOG.warn("Could not restart the workflow of audio {}: {}", audio.id(), e.getMessage());
      }
    }
    return started;
  }
}
