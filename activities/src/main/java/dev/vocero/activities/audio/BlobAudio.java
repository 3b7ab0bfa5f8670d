package dev.vocero.activities.audio;

import dev.vocero.activities.speech.AudioSource;
import dev.vocero.store.audio.AudioRow;
import dev.vocero.store.blob.BlobStore;
import dev.vocero.workflows.audio.AudioFailure;
import java.io.Closeable;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;

/**
 * A stored audio as an {@link AudioSource}. The blob is opened before the provider is called, so a missing blob
 * fails as AUDIO_NOT_FOUND instead of however the provider adapter reports it; that first stream is handed to
 * the adapter's first read, later reads reopen the blob.
 */
final class BlobAudio implements Closeable {
  private final BlobStore blobs;
  private final String key;
  private final AudioSource source;
  private InputStream unread;

  private BlobAudio(BlobStore blobs, AudioRow audio, InputStream first) {
    this.blobs = blobs;
    this.key = audio.blobKey();
    this.unread = first;
    String filename = audio.originalFilename() == null || audio.originalFilename().isBlank()
        ? audio.id().toString() : audio.originalFilename();
    this.source = new AudioSource(filename, audio.contentType(), audio.sizeBytes(), this::openContent);
  }

  static BlobAudio open(BlobStore blobs, AudioRow audio) throws IOException {
    try {
      return new BlobAudio(blobs, audio, blobs.open(audio.blobKey()));
    } catch (NoSuchFileException | FileNotFoundException e) {
      throw AudioFailure.AUDIO_NOT_FOUND.failure("the stored file of audio " + audio.id() + " is missing");
    }
  }

  AudioSource audioSource() {
    return source;
  }

  private synchronized InputStream openContent() throws IOException {
    InputStream first = unread;
    unread = null;
    return first != null ? first : blobs.open(key);
  }

  @Override
  public synchronized void close() throws IOException {
    if (unread != null) {
      unread.close();
      unread = null;
    }
  }
}
