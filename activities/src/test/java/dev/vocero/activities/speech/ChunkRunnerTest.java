package dev.vocero.activities.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class ChunkRunnerTest {

  private static final int S = Pcm16k.RATE;
  // three chunks of 60 s with 1 s of overlap
  private static final List<Chunk> CHUNKS = List.of(new Chunk(0, 0, 0, 60 * S), new Chunk(1, 59 * S, 60 * S, 120 * S),
      new Chunk(2, 119 * S, 120 * S, 150 * S));

  private final List<Integer> called = new ArrayList<>();
  private final List<String> prompts = new ArrayList<>();
  private final List<ChunkCheckpoint> saved = new ArrayList<>();

  private Checkpoints checkpoints(ChunkCheckpoint last) {
    return new Checkpoints() {
      @Override
      public Optional<ChunkCheckpoint> last() {
        return Optional.ofNullable(last);
      }

      @Override
      public void save(ChunkCheckpoint checkpoint) {
        saved.add(checkpoint);
      }
    };
  }

  private Transcript answer(Chunk chunk, String hint, String previous) {
    called.add(chunk.index());
    prompts.add(previous);
    int n = chunk.index();
    List<Segment> segments = new ArrayList<>();
    if (n > 0) {
      // heard again in the overlap: a segment wholly inside it, and one straddling the boundary
      segments.add(new Segment(100, 900, "final " + (n - 1) + ".", null, null));
      segments.add(new Segment(200, 3_000, "final " + (n - 1) + ". Comienzo " + n, null, null));
    } else {
      segments.add(new Segment(0, 3_000, "Comienzo 0", null, null));
    }
    segments.add(new Segment(10_000, 20_000, "Medio " + n + " con el correo ana@example.com", null, 0.9));
    segments.add(new Segment(25_000, 29_000, "final " + n + ".", null, null));
    return new Transcript(n == 0 ? "es" : "pt", 0, segments);
  }

  @Test
  void givenThreeChunks_whenRun_itShouldShiftTimestampsDropTheOverlapPassContextAndCheckpointEachChunk() {
    Transcript t = ChunkRunner.run("sha", CHUNKS, 150_000, null, checkpoints(null), UnaryOperator.identity(),
        this::answer);

    assertEquals(List.of(0, 1, 2), called);
    assertNull(prompts.get(0));
    assertEquals("Comienzo 0 Medio 0 con el correo ana@example.com final 0.", prompts.get(1));
    assertEquals("es", t.language(), "the first chunk's language is kept and passed on");
    assertEquals(150_000, t.durationMs());
    List<String> texts = t.segments().stream().map(Segment::text).toList();
    assertEquals(List.of("Comienzo 0", "Medio 0 con el correo ana@example.com", "final 0.", "Comienzo 1",
        "Medio 1 con el correo ana@example.com", "final 1.", "Comienzo 2", "Medio 2 con el correo ana@example.com",
        "final 2."), texts);
    Segment comienzo1 = t.segments().get(3);
    assertEquals(59_200, comienzo1.startMs(), "shifted by the chunk start (59 s), after the previous end");
    assertEquals(62_000, comienzo1.endMs());
    assertEquals(69_000, t.segments().get(4).startMs());
    long previousEnd = 0;
    for (Segment s : t.segments()) {
      assertEquals(true, s.startMs() >= previousEnd && s.endMs() >= s.startMs(), "monotonic: " + t.segments());
      previousEnd = s.endMs();
    }
    assertEquals(List.of(1, 2, 3), saved.stream().map(ChunkCheckpoint::nextChunk).toList());
    assertEquals(3, saved.get(0).segments().size());
    assertEquals(t.segments(), saved.get(2).segments());
  }

  @Test
  void givenACheckpointAfterTwoChunks_whenRunAgain_itShouldTranscribeOnlyTheLastChunkAndKeepTheEarlierText() {
    ChunkRunner.run("sha", CHUNKS, 150_000, null, checkpoints(null), UnaryOperator.identity(), this::answer);
    ChunkCheckpoint afterTwo = saved.get(1);
    called.clear();
    prompts.clear();
    saved.clear();

    Transcript resumed = ChunkRunner.run("sha", CHUNKS, 150_000, null, checkpoints(afterTwo),
        UnaryOperator.identity(), this::answer);

    assertEquals(List.of(2), called);
    assertEquals("Comienzo 1 Medio 1 con el correo ana@example.com final 1.", prompts.get(0).substring(
        prompts.get(0).indexOf("Comienzo 1")));
    assertEquals(9, resumed.segments().size());
    assertEquals("es", resumed.language());
    assertEquals(List.of(3), saved.stream().map(ChunkCheckpoint::nextChunk).toList());
  }

  @Test
  void givenACheckpointOfOtherAudioOrAnotherPlan_whenRun_itShouldStartOver() {
    ChunkCheckpoint otherAudio = new ChunkCheckpoint("other", 3, 2, "es", List.of(new Segment(0, 1, "x", null, null)));
    ChunkCheckpoint otherPlan = new ChunkCheckpoint("sha", 5, 2, "es", List.of(new Segment(0, 1, "x", null, null)));

    ChunkRunner.run("sha", CHUNKS, 150_000, null, checkpoints(otherAudio), UnaryOperator.identity(), this::answer);
    ChunkRunner.run("sha", CHUNKS, 150_000, null, checkpoints(otherPlan), UnaryOperator.identity(), this::answer);

    assertEquals(List.of(0, 1, 2, 0, 1, 2), called);
  }

  @Test
  void givenATextFilter_whenRun_itShouldFilterBeforeCheckpointing() {
    ChunkRunner.run("sha", CHUNKS, 150_000, "es", checkpoints(null), text -> text.replace("ana@example.com", "[EMAIL]"),
        this::answer);

    assertEquals("Medio 0 con el correo [EMAIL]", saved.get(0).segments().get(1).text());
    assertEquals(true, prompts.get(1).contains("[EMAIL]") && !prompts.get(1).contains("ana@"));
  }

  @Test
  void givenRepeatedWords_itShouldDropOnlyTheRepeatedRun() {
    assertEquals("pagaré el viernes", ChunkRunner.withoutRepeatedWords("le digo que sí, que", "Sí, que pagaré el viernes"));
    assertEquals("hola de nuevo", ChunkRunner.withoutRepeatedWords("adiós", "hola de nuevo"));
    assertEquals("", ChunkRunner.withoutRepeatedWords("muchas gracias", "gracias"));
  }
}
