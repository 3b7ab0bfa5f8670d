package dev.vocero.activities.speech;

import java.util.List;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends audio that fits the provider's upload cap as it is; decodes larger audio (and all audio for in-process
 * models) to 16 kHz PCM, splits it at silences and transcribes it chunk by chunk with resumable progress.
 * {@code textFilter} (redaction) is applied to every segment before it is kept or checkpointed.
 */
public final class LongAudioTranscriber {

  private static final Logger LOG = LoggerFactory.getLogger(LongAudioTranscriber.class);

  private final SpeechToText speech;
  private final ChunkLimits limits;
  private final AudioDecoder decoder;

  public LongAudioTranscriber(SpeechToText speech) {
    this(speech, speech.chunkLimits(), new AudioDecoder());
  }

  public LongAudioTranscriber(SpeechToText speech, ChunkLimits limits, AudioDecoder decoder) {
    this.speech = speech;
    this.limits = limits;
    this.decoder = decoder;
  }

  public Transcript transcribe(String audioKey, AudioSource audio, String languageHint, Checkpoints checkpoints,
                               UnaryOperator<String> textFilter) {
    boolean pcm = speech instanceof PcmSpeechToText;
    if (!pcm && audio.sizeBytes() <= limits.maxUploadBytes()) {
      Transcript whole = speech.transcribe(audio, languageHint);
      return new Transcript(whole.language(), whole.durationMs(), whole.segments().stream()
          .map(s -> new Segment(s.startMs(), s.endMs(), textFilter.apply(s.text()), s.speaker(), s.confidence()))
          .toList());
    }
    try (Pcm16k decoded = decoder.decode(audio)) {
      long chunkMs = pcm ? limits.maxChunkMs() : limits.chunkMsForWav();
      List<Chunk> chunks = SilenceSplitter.plan(decoded, chunkMs, limits.silenceSearchMs(), limits.overlapMs());
      LOG.info("audio ({} bytes, {} ms) is transcribed by {} in {} chunks of at most {} ms", audio.sizeBytes(),
          decoded.durationMs(), speech.provider(), chunks.size(), chunkMs);
      ChunkRunner.ChunkCall call = pcm
          ? (chunk, hint, previous) -> ((PcmSpeechToText) speech)
              .transcribePcm(decoded.floats(chunk.start(), chunk.end()), hint, previous)
          : (chunk, hint, previous) -> speech.transcribe(AudioSource.ofBytes(
              "chunk-" + chunk.index() + ".wav", "audio/wav", decoded.wav(chunk.start(), chunk.end())),
              hint, previous);
      return ChunkRunner.run(audioKey, chunks, decoded.durationMs(), languageHint, checkpoints, textFilter, call);
    }
  }
}
