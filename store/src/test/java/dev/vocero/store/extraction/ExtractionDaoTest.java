package dev.vocero.store.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vocero.store.TestDatabase;
import dev.vocero.store.accounts.OrganizationDao;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ExtractionDaoTest {
  static Jdbi jdbi;
  static ExtractorDao extractors;
  static ExtractionDao extractions;

  @BeforeAll
  static void database() {
    jdbi = TestDatabase.fresh().jdbi();
    extractors = jdbi.onDemand(ExtractorDao.class);
    extractions = jdbi.onDemand(ExtractionDao.class);
  }

  private UUID newOrganization() {
    UUID id = UUID.randomUUID();
    jdbi.onDemand(OrganizationDao.class).insert(id, "org " + id);
    return id;
  }

  private UUID newAudio(UUID org) {
    UUID id = UUID.randomUUID();
    jdbi.useHandle(h -> h.execute("insert into audios (id, org_id, content_type, size_bytes, sha256, blob_key, status)"
        + " values (?, ?, 'audio/wav', 10, ?, 'k', 'queued')", id, org, id.toString()));
    return id;
  }

  @Test
  void givenTheDefaults_theyShouldBeStrictCompatibleSchemasWithEvidenceWhereAsked() throws Exception {
    ObjectMapper json = new ObjectMapper();
    List<String> names = DefaultExtractors.all().stream().map(DefaultExtractors.Definition::name).toList();
    assertEquals(List.of("summary", "sentiment", "intent", "payment_promise", "callback_request", "complaint",
        "opportunities"), names);
    for (DefaultExtractors.Definition d : DefaultExtractors.all()) {
      var schema = json.readTree(d.jsonSchema());
      assertEquals("object", schema.path("type").asText(), d.name());
      assertFalse(schema.path("additionalProperties").asBoolean(true), d.name());
      assertEquals(schema.path("properties").size(), schema.path("required").size(), d.name() + ": all required");
    }
    var promise = json.readTree(DefaultExtractors.all().get(3).jsonSchema());
    assertEquals(List.of("quote", "timestampMs"),
        List.of(promise.at("/properties/evidence/items/required/0").asText(),
            promise.at("/properties/evidence/items/required/1").asText()));
  }

  @Test
  void givenANewOrganization_whenSeeding_itShouldGetTheDefaultsOnceAtVersionOne() {
    UUID org = newOrganization();

    assertEquals(7, DefaultExtractors.seedIfNone(extractors, org));
    assertEquals(0, DefaultExtractors.seedIfNone(extractors, org));

    List<ExtractorRow> rows = extractors.list(org);
    assertEquals(7, rows.size());
    assertTrue(rows.stream().allMatch(r -> r.version() == 1 && r.enabled()));
    assertTrue(extractors.list(newOrganization()).isEmpty(), "another organization sees none of them");
  }

  @Test
  void givenAnExtractor_whenAddingVersionsAndDisabling_itShouldKeepEveryVersionAndRunOnlyEnabledLatest() {
    UUID org = newOrganization();
    extractors.create(org, "churn", "v1", "Find churn.", "{\"type\":\"object\"}", null).orElseThrow();

    assertTrue(extractors.create(org, "churn", "dup", "x", "{}", null).isEmpty(), "names are unique per org");
    ExtractorRow v2 = extractors.addVersion(org, "churn", "v2", "Find churn risk.",
        "{\"type\":\"object\",\"required\":[\"risk\"]}", null).orElseThrow();

    assertEquals(2, v2.version());
    assertEquals(2, v2.latestVersion());
    assertEquals("Find churn.", extractors.findVersion(org, "churn", 1).orElseThrow().instructions());
    assertEquals(2, extractors.versions(org, "churn").size());
    assertEquals(1, extractors.listEnabled(org).size());
    assertEquals(1, extractors.setEnabled(org, "churn", false));
    assertTrue(extractors.listEnabled(org).isEmpty());
    assertTrue(extractors.addVersion(org, "missing", "d", "i", "{}", null).isEmpty());
  }

  @Test
  void givenAnExtractionRecordedTwice_itShouldKeepOneRowPerExtractorVersion() {
    UUID org = newOrganization();
    UUID audio = newAudio(org);

    extractions.record(org, audio, "sentiment", 1, "invalid", null, "openai", "gpt-4o-mini", "score: must be <= 1", 2);
    extractions.record(org, audio, "sentiment", 1, "ok", "{\"label\":\"positive\",\"score\":0.5}", "gemini",
        "gemini-2.5-flash", null, 1);

    List<ExtractionRow> rows = extractions.list(org, audio);
    assertEquals(1, rows.size());
    assertEquals("ok", rows.get(0).status());
    assertEquals("gemini", rows.get(0).provider());
    assertNull(rows.get(0).error());
    assertTrue(rows.get(0).result().contains("\"score\": 0.5"), rows.get(0).result());
    assertTrue(extractions.list(newOrganization(), audio).isEmpty(), "filtered by organization");
    assertEquals(1, extractions.deleteAll(org, audio));
  }
}
