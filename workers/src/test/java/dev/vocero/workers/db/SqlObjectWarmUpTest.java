package dev.vocero.workers.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vocero.store.TestDatabase;
import dev.vocero.store.audio.AudioDao;
import dev.vocero.store.extraction.ExtractorDao;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.extension.ExtensionFactory;
import org.jdbi.v3.core.extension.ExtensionMetadata;
import org.jdbi.v3.core.extension.Extensions;
import org.jdbi.v3.sqlobject.SqlObjectFactory;
import org.junit.jupiter.api.Test;

class SqlObjectWarmUpTest {
  static final TestDatabase DB = TestDatabase.fresh();

  @Test
  void givenTheStoreClasses_whenListed_itShouldFindItsDaos() {
    assertTrue(SqlObjectWarmUp.daoClassNames().contains(AudioDao.class.getName()));
    assertTrue(SqlObjectWarmUp.daoClassNames().contains(ExtractorDao.class.getName()));
  }

  @Test
  void givenAWarmedJdbi_whenTwoHandlesAttachADao_itShouldReuseTheMetadataBuiltOnce() {
    Jdbi jdbi = DB.jdbi();
    int built = SqlObjectWarmUp.warm(jdbi);

    assertTrue(built >= 30, "DAO types built: " + built);
    ExtensionMetadata shared = metadata(jdbi.getConfig(Extensions.class), jdbi);
    try (Handle first = jdbi.open(); Handle second = jdbi.open()) {
      assertSame(shared, metadata(first.getConfig(Extensions.class), jdbi));
      assertSame(shared, metadata(second.getConfig(Extensions.class), jdbi));
      assertEquals(0, first.attach(AudioDao.class).count(UUID.randomUUID(), null), "the warmed DAO still works");
    }
  }

  @Test
  void givenAJdbiNotWarmed_whenTwoHandlesAttachADao_eachShouldBuildItsOwn() {
    Jdbi jdbi = DB.jdbi();
    try (Handle first = jdbi.open(); Handle second = jdbi.open()) {
      assertNotSame(metadata(first.getConfig(Extensions.class), jdbi), metadata(second.getConfig(Extensions.class), jdbi));
    }
  }

  private static ExtensionMetadata metadata(Extensions extensions, Jdbi jdbi) {
    ExtensionFactory factory = jdbi.getConfig(Extensions.class).findFactory(SqlObjectFactory.class).orElseThrow();
    return extensions.findMetadata(AudioDao.class, factory);
  }
}
