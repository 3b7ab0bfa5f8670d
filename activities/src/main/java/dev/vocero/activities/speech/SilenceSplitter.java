package dev.vocero.activities.speech;

import java.util.ArrayList;
import java.util.List;

/**
 * Plans chunks of at most {@code maxChunkMs}: each cut is placed at the quietest 300 ms stretch in the
 * {@code searchMs} before the limit (energy per 20 ms frame), so words are not cut in half; chunks after the first
 * start {@code overlapMs} before their boundary.
 */
public final class SilenceSplitter {

  private static final int SMOOTH_FRAMES = 15;

  private SilenceSplitter() {
  }

  public static List<Chunk> plan(Pcm16k pcm, long maxChunkMs, long searchMs, long overlapMs) {
    int max = samples(maxChunkMs);
    int search = Math.min(samples(searchMs), max / 2);
    int overlap = Math.min(samples(overlapMs), search / 2);
    List<Integer> cuts = new ArrayList<>();
    int position = 0;
    while (pcm.length() - position > max) {
      int limit = position + max;
      position = quietest(pcm, limit - search, limit);
      cuts.add(position);
    }
    List<Chunk> chunks = new ArrayList<>(cuts.size() + 1);
    for (int i = 0; i <= cuts.size(); i++) {
      int boundary = i == 0 ? 0 : cuts.get(i - 1);
      int end = i < cuts.size() ? cuts.get(i) : pcm.length();
      chunks.add(new Chunk(i, Math.max(0, boundary - overlap), boundary, end));
    }
    return chunks;
  }

  /** The centre of the quietest smoothed window in [from, to); ties go to the latest, giving fewer chunks. */
  static int quietest(Pcm16k pcm, int from, int to) {
    int frames = Math.max(1, (to - from) / Pcm16k.FRAME);
    double[] energy = new double[frames];
    for (int f = 0; f < frames; f++) {
      int start = from + f * Pcm16k.FRAME;
      energy[f] = pcm.energy(start, Math.min(to, start + Pcm16k.FRAME));
    }
    int window = Math.min(SMOOTH_FRAMES, frames);
    double sum = 0;
    for (int f = 0; f < window; f++) {
      sum += energy[f];
    }
    double best = sum;
    int bestStart = 0;
    for (int f = window; f < frames; f++) {
      sum += energy[f] - energy[f - window];
      if (sum <= best) {
        best = sum;
        bestStart = f - window + 1;
      }
    }
    return from + (bestStart * Pcm16k.FRAME) + (window * Pcm16k.FRAME) / 2;
  }

  private static int samples(long ms) {
    return (int) Math.min(Integer.MAX_VALUE, ms * Pcm16k.RATE / 1000);
  }
}
