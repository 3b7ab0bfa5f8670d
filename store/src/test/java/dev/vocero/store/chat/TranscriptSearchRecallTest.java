package dev.vocero.store.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vocero.store.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Retrieval quality on the committed Spanish and English corpus, and organization isolation. */
class TranscriptSearchRecallTest {
  static final UUID ORG = UUID.randomUUID();
  static final UUID OTHER_ORG = UUID.randomUUID();
  static Jdbi jdbi;
  static TranscriptSearch search;

  @BeforeAll
  static void load() {
    jdbi = TestDatabase.fresh().jdbi();
    ChatCorpus.load(jdbi, ORG);
    ChatCorpus.load(jdbi, OTHER_ORG);
    search = new TranscriptSearch(jdbi);
  }

  @Test
  void givenTheCorpusQuestions_whenSearched_itShouldFindTheAnsweringSegmentInTheTopThree() {
    List<ChatCorpus.Question> questions = ChatCorpus.questions();
    List<String> misses = new ArrayList<>();
    double recall = ChatCorpus.recallAt3(search, ORG, misses);
    int found = questions.size() - misses.size();
    System.out.printf(Locale.ROOT, "chat retrieval recall@3 = %.3f (%d of %d questions)%n", recall, found, questions.size());
    misses.forEach(m -> System.out.println("  missed: " + m));
    assertTrue(questions.size() >= 40, "the corpus keeps at least 20 questions per language");
    assertTrue(recall >= 0.92, "recall@3 " + recall + " is below 0.92; missed " + misses);
  }

  @Test
  void givenAccentsAndStemming_whenSearched_itShouldMatchEitherSpelling() {
    Passage top = search.search(ORG, "suplantacion cedula", List.of(), 1, 0).get(0);
    assertEquals(ChatCorpus.audioId(ORG, "cobranza-herrera"), top.audioId());
    assertEquals(3, top.hitIdx());
    Passage english = search.search(ORG, "disputed debts", List.of(), 1, 0).get(0);
    assertEquals(ChatCorpus.audioId(ORG, "collections-davis"), english.audioId());
  }

  @Test
  void givenAHit_itShouldReturnItsNeighboursWithTimes() {
    Passage passage = search.search(ORG, "número de transacción del depósito", List.of(), 1, 1).get(0);
    assertEquals(ChatCorpus.audioId(ORG, "cobranza-gutierrez"), passage.audioId());
    assertEquals(List.of(7, 8, 9), passage.segments().stream().map(s -> s.idx()).toList().subList(0, 3));
    assertTrue(passage.startMs() < passage.endMs());
  }

  @Test
  void givenAScope_itShouldSearchOnlyThoseAudios() {
    UUID soto = ChatCorpus.audioId(ORG, "cobranza-soto");
    List<Passage> scoped = search.search(ORG, "promesa de pago", List.of(soto), 5, 1);
    assertTrue(!scoped.isEmpty());
    assertTrue(scoped.stream().allMatch(p -> p.audioId().equals(soto)), scoped.toString());
  }

  @Test
  void givenTwoOrganizations_itShouldNeverReturnTheOtherOrganizationsSegments() {
    for (ChatCorpus.Question q : ChatCorpus.questions()) {
      for (Passage p : search.search(ORG, q.text(), List.of(), 5, 1)) {
        assertTrue(ChatCorpus.audios().stream().anyMatch(a -> ChatCorpus.audioId(ORG, a.name()).equals(p.audioId())),
            "passage from another organization: " + p.audioId());
      }
    }
    UUID othersAudio = ChatCorpus.audioId(OTHER_ORG, "cobranza-soto");
    assertTrue(search.search(ORG, "promesa de pago", List.of(othersAudio), 5, 1).isEmpty(),
        "scoping to another organization's audio finds nothing");
  }

  @Test
  void givenOnlyStopWordsOrBlank_itShouldReturnNothing() {
    assertTrue(search.search(ORG, "¿qué es lo que?", List.of(), 3, 1).isEmpty());
    assertTrue(search.search(ORG, "   ", List.of(), 3, 1).isEmpty());
  }

  @Test
  void givenQuotesBackslashesAndOperators_itShouldSearchThemAsWords() {
    List<Passage> found = search.search(ORG, "¿O'Brien \\ 'pago' & acuerdo | cuotas: !tarjeta (crédito)?", List.of(), 3, 1);
    assertTrue(!found.isEmpty(), "the plain words still find passages");
    assertTrue(search.search(ORG, "'' \\\\ & | ! ( ) : *", List.of(), 3, 1).isEmpty());
  }
}
