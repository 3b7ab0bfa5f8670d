package dev.vocero.store.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vocero.store.TestDatabase;
import dev.vocero.store.accounts.OrganizationDao;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AudioDaoTest {
  static Jdbi jdbi;
  static AudioDao audios;
  static TranscriptDao transcripts;
  static OpportunityDao opportunities;
  static KeywordDao keywords;
  final UUID org = UUID.randomUUID();
  final UUID otherOrg = UUID.randomUUID();

  @BeforeAll
  static void database() {
    jdbi = TestDatabase.fresh().jdbi();
    audios = jdbi.onDemand(AudioDao.class);
    transcripts = jdbi.onDemand(TranscriptDao.class);
    opportunities = jdbi.onDemand(OpportunityDao.class);
    keywords = jdbi.onDemand(KeywordDao.class);
  }

  private UUID newAudio(UUID orgId, String sha) {
    OrganizationDao orgs = jdbi.onDemand(OrganizationDao.class);
    if (orgs.find(orgId).isEmpty()) {
      orgs.insert(orgId, "org " + orgId);
    }
    UUID id = UUID.randomUUID();
    audios.insert(AudioRow.queued(id, orgId, "Llamada 1", "call.wav", "audio/vnd.wave", 1234, sha,
        "sha256/" + sha.substring(0, 2) + "/" + sha, "es", null));
    return id;
  }

  @Test
  void givenAnAudio_whenAnotherOrganizationAsks_itShouldSeeNothing() {
    UUID id = newAudio(org, "ab".repeat(32));
    newAudio(otherOrg, "cd".repeat(32));

    assertTrue(audios.find(org, id).isPresent());
    assertFalse(audios.find(otherOrg, id).isPresent());
    assertEquals(0, audios.updateStatus(otherOrg, id, "failed", "nope"));
    assertEquals(0, audios.delete(otherOrg, id));
    assertEquals("queued", audios.find(org, id).orElseThrow().status());
    assertEquals(1, audios.count(org, null));
    assertEquals(List.of(id), audios.list(org, "queued", 10, 0).stream().map(AudioRow::id).toList());
    assertTrue(audios.list(org, "completed", 10, 0).isEmpty());
  }

  @Test
  void givenStatusChanges_itShouldStampCompletionAndClearItOnReprocess() {
    UUID id = newAudio(org, "ef".repeat(32));
    audios.updateStatus(org, id, "failed", "provider said 401");
    AudioRow failed = audios.find(org, id).orElseThrow();
    assertNotNull(failed.completedAt());
    assertEquals("provider said 401", failed.failureReason());

    audios.updateStatus(org, id, "transcribing", null);
    AudioRow again = audios.find(org, id).orElseThrow();
    assertNull(again.completedAt());
    assertNull(again.failureReason());
    assertTrue(audios.listUnfinishedAllOrganizations(100).stream().anyMatch(a -> a.id().equals(id)));
  }

  @Test
  void givenATranscriptReplacedTwice_itShouldKeepOnlyTheLastOne() {
    UUID id = newAudio(org, "01".repeat(32));
    transcripts.replace(org, id, List.of(new SegmentRow(0, 0, 1000, null, "hola", 0.9f),
        new SegmentRow(1, 1000, 2500, "A", "quiero pagar", null)));
    transcripts.replace(org, id, List.of(new SegmentRow(0, 0, 1200, null, "buenos días", null)));

    List<SegmentRow> segments = transcripts.list(org, id);
    assertEquals(1, segments.size());
    assertEquals("buenos días", segments.get(0).text());
    assertTrue(transcripts.list(otherOrg, id).isEmpty());

    opportunities.replace(org, id, List.of(new OpportunityRow(0, "pagar", "pagar", "payment", "high", 0, 0, 1200,
        "quiero", "mañana")));
    assertEquals("payment", opportunities.list(org, id).get(0).topic());
    audios.delete(org, id);
    assertTrue(transcripts.list(org, id).isEmpty());
    assertTrue(opportunities.list(org, id).isEmpty());
  }

  @Test
  void givenKeywordVariants_itShouldRoundTripTheArray() {
    newAudio(org, "02".repeat(32));
    long id = keywords.insert(org, "Pagar", "payment", "high", List.of("pago", "abonar"), "es");
    KeywordRow row = keywords.find(org, id).orElseThrow();
    assertEquals(List.of("pago", "abonar"), row.variants());
    assertTrue(keywords.exists(org, "PAGAR", -1));
    assertFalse(keywords.exists(org, "PAGAR", id));
    assertEquals(1, keywords.update(org, id, "pagar", "payment", "medium", List.of(), null));
    assertEquals(List.of(), keywords.find(org, id).orElseThrow().variants());
    assertEquals(0, keywords.delete(otherOrg, id));
  }
}
