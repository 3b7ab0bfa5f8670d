package dev.vocero.activities.speech;

import java.util.Optional;

/** Where chunk progress is kept between attempts; the activity backs it with Temporal heartbeats. */
public interface Checkpoints {

  /** The checkpoint recorded by an earlier attempt, if any. */
  Optional<ChunkCheckpoint> last();

  void save(ChunkCheckpoint checkpoint);

  static Checkpoints none() {
    return new Checkpoints() {
      @Override
      public Optional<ChunkCheckpoint> last() {
        return Optional.empty();
      }

      @Override
      public void save(ChunkCheckpoint checkpoint) {
        // nothing survives this attempt
      }
    };
  }
}
