package dev.vocero.activities.audio;

import dev.vocero.activities.speech.Checkpoints;
import dev.vocero.activities.speech.ChunkCheckpoint;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import java.util.Optional;

/** Chunk progress kept in Temporal heartbeat details, so a retried attempt resumes where the last one stopped. */
final class ActivityCheckpoints implements Checkpoints {

  private final ActivityExecutionContext context;

  private ActivityCheckpoints(ActivityExecutionContext context) {
    this.context = context;
  }

  /** The running activity's checkpoints; outside an activity (direct calls) there is no earlier attempt to resume. */
  static Checkpoints current() {
    try {
      return new ActivityCheckpoints(Activity.getExecutionContext());
    } catch (IllegalStateException | IllegalArgumentException notInAnActivity) {
      return Checkpoints.none();
    }
  }

  @Override
  public Optional<ChunkCheckpoint> last() {
    return context.getHeartbeatDetails(ChunkCheckpoint.class);
  }

  @Override
  public void save(ChunkCheckpoint checkpoint) {
    context.heartbeat(checkpoint);
  }
}
