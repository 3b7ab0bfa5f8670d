package dev.vocero.activities.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SilenceSplitterTest {

  @Test
  void givenTonesSeparatedBySilences_whenPlanned_itShouldCutInsideSilencesWithinTheLimitAndOverlap() {
    // 21 x (8 s tone + 2 s silence) = 210 s
    short[] samples = TestAudio.tonesWithSilences(21, 8, 2);
    Pcm16k pcm = Pcm16k.of(samples);

    List<Chunk> chunks = SilenceSplitter.plan(pcm, 60_000, 20_000, 500);

    assertTrue(chunks.size() >= 4 && chunks.size() <= 5, "chunks: " + chunks);
    assertEquals(0, chunks.get(0).start());
    assertEquals(samples.length, chunks.get(chunks.size() - 1).end());
    for (int i = 0; i < chunks.size(); i++) {
      Chunk c = chunks.get(i);
      assertTrue(c.end() - c.boundary() <= 60 * Pcm16k.RATE, "within the limit: " + c);
      if (i > 0) {
        assertEquals(chunks.get(i - 1).end(), c.boundary(), "no gap, no double coverage");
        assertEquals(c.boundary() - 500 * Pcm16k.RATE / 1000, c.start(), "half a second of overlap");
        long intoPeriod = (c.boundaryMs()) % 10_000;
        assertTrue(intoPeriod > 8_000, "cut in a silence (8-10 s of each period), was at " + c.boundaryMs() + " ms");
        assertEquals(0, samples[c.boundary()], "silent sample at the cut");
      }
    }
  }

  @Test
  void givenAudioShorterThanTheLimit_whenPlanned_itShouldBeOneChunk() {
    Pcm16k pcm = Pcm16k.of(TestAudio.tonesWithSilences(2, 3, 1));

    assertEquals(List.of(new Chunk(0, 0, 0, pcm.length())), SilenceSplitter.plan(pcm, 60_000, 20_000, 1_000));
  }

  @Test
  void givenNoSilenceAtAll_whenPlanned_itShouldStillCutAtTheLimit() {
    short[] tone = TestAudio.tonesWithSilences(1, 100, 0);
    List<Chunk> chunks = SilenceSplitter.plan(Pcm16k.of(tone), 30_000, 10_000, 1_000);

    assertEquals(4, chunks.size());
    chunks.forEach(c -> assertTrue(c.end() - c.boundary() <= 30 * Pcm16k.RATE));
  }
}
