package dev.vocero.store.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vocero.store.TestDatabase;
import dev.vocero.store.accounts.OrganizationDao;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DefaultKeywordsTest {
  static Jdbi jdbi;
  static KeywordDao keywords;

  @BeforeAll
  static void database() {
    jdbi = TestDatabase.fresh().jdbi();
    keywords = jdbi.onDemand(KeywordDao.class);
  }

  private UUID newOrganization() {
    UUID id = UUID.randomUUID();
    jdbi.onDemand(OrganizationDao.class).insert(id, "org " + id);
    return id;
  }

  @Test
  void givenTheDefaults_theyShouldBeValidDictionaryEntries() {
    List<DefaultKeywords.Entry> entries = DefaultKeywords.spanishAndEnglish();
    Set<String> seen = new HashSet<>();
    assertTrue(entries.size() >= 20);
    for (DefaultKeywords.Entry e : entries) {
      assertTrue(seen.add(e.keyword().toLowerCase(Locale.ROOT)), "duplicate " + e.keyword());
      assertTrue(Set.of("low", "medium", "high").contains(e.priority()), e.keyword());
      assertTrue(Set.of("es", "en").contains(e.language()), e.keyword());
      assertTrue(e.topic().matches("[a-z_]+"), e.keyword());
      assertFalse(e.variants().contains(e.keyword()), e.keyword());
    }
    assertTrue(entries.stream().anyMatch(e -> e.language().equals("es")));
    assertTrue(entries.stream().anyMatch(e -> e.language().equals("en")));
  }

  @Test
  void givenSeedRunTwice_itShouldInsertEachEntryOnce() {
    UUID org = newOrganization();
    int total = DefaultKeywords.spanishAndEnglish().size();

    assertEquals(total, DefaultKeywords.seed(keywords, org));
    assertEquals(0, DefaultKeywords.seed(keywords, org));

    List<KeywordRow> stored = keywords.list(org);
    assertEquals(total, stored.size());
    KeywordRow pagar = stored.stream().filter(k -> k.keyword().equals("pagar")).findFirst().orElseThrow();
    assertEquals("payment_promise", pagar.topic());
    assertTrue(pagar.variants().contains("abonar"));
  }

  @Test
  void givenAnOrganizationThatAlreadyHasAKeyword_itShouldKeepItsOwnVersion() {
    UUID org = newOrganization();
    keywords.insert(org, "PAGAR", "collections", "low", List.of(), "es");

    assertEquals(DefaultKeywords.spanishAndEnglish().size() - 1, DefaultKeywords.seed(keywords, org));

    KeywordRow own = keywords.list(org).stream().filter(k -> k.keyword().equalsIgnoreCase("pagar")).findFirst()
        .orElseThrow();
    assertEquals("collections", own.topic());
    assertTrue(keywords.list(newOrganization()).isEmpty());
  }
}
