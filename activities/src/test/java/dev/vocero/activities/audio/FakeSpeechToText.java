package dev.vocero.activities.audio;

import dev.vocero.activities.speech.AudioSource;
import dev.vocero.activities.speech.SpeechException;
import dev.vocero.activities.speech.SpeechToText;
import dev.vocero.activities.speech.Transcript;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** A provider that reads the whole audio like a real adapter, then answers or fails as told. */
final class FakeSpeechToText implements SpeechToText {
  final List<String> hints = new ArrayList<>();
  final List<byte[]> received = new ArrayList<>();
  final List<AudioSource> sources = new ArrayList<>();
  private Transcript answer = new Transcript("es", 0, List.of());
  private SpeechException failure;

  void answer(Transcript transcript) {
    this.answer = transcript;
    this.failure = null;
  }

  void fail(SpeechException e) {
    this.failure = e;
  }

  @Override
  public String provider() {
    return "fake";
  }

  @Override
  public Transcript transcribe(AudioSource audio, String languageHint) {
    hints.add(languageHint);
    sources.add(audio);
    try (InputStream in = audio.content().open()) {
      received.add(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (failure != null) {
      throw failure;
    }
    return answer;
  }
}
