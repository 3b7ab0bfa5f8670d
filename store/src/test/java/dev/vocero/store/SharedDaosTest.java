package dev.vocero.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vocero.store.accounts.OrganizationDao;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

class SharedDaosTest {
  static final TestDatabase DB = TestDatabase.fresh();
  static final Jdbi JDBI = DB.jdbi();
  static final SharedDaos DAOS = new SharedDaos(JDBI);

  @Test
  void givenTheSameType_whenAskedTwice_itShouldHandBackTheInstanceBuiltOnce() {
    assertSame(DAOS.get(OrganizationDao.class), DAOS.get(OrganizationDao.class));
  }

  @Test
  void givenNoHandleInScope_whenCalled_itShouldRunOnAHandleOfItsOwn() {
    UUID org = UUID.randomUUID();
    DAOS.get(OrganizationDao.class).insert(org, "Sin handle");
    assertEquals("Sin handle", JDBI.withExtension(OrganizationDao.class, dao -> dao.find(org)).orElseThrow().name());
  }

  @Test
  void givenATransaction_whenItRollsBack_whatTheSharedDaoWroteInsideShouldGoWithIt() {
    UUID org = UUID.randomUUID();
    assertThrows(IllegalStateException.class, () -> JDBI.useTransaction(handle -> {
      DAOS.get(OrganizationDao.class).insert(org, "Revertida");
      assertTrue(DAOS.get(OrganizationDao.class).find(org).isPresent(), "seen inside its own transaction");
      throw new IllegalStateException("roll back");
    }));
    assertFalse(DAOS.get(OrganizationDao.class).find(org).isPresent());
  }

  @Test
  void givenTwoThreadsInTheirOwnTransactions_eachShouldWorkOnItsOwnHandle() throws Exception {
    UUID org = UUID.randomUUID();
    CountDownLatch written = new CountDownLatch(1);
    CountDownLatch checked = new CountDownLatch(1);
    CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> JDBI.useTransaction(handle -> {
      DAOS.get(OrganizationDao.class).insert(org, "Sin confirmar");
      written.countDown();
      try {
        checked.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }));
    assertTrue(written.await(10, TimeUnit.SECONDS));
    boolean seen = JDBI.inTransaction(handle -> DAOS.get(OrganizationDao.class).find(org).isPresent());
    checked.countDown();
    writer.get(10, TimeUnit.SECONDS);

    assertFalse(seen, "another thread's uncommitted row");
    assertTrue(DAOS.get(OrganizationDao.class).find(org).isPresent(), "committed once its transaction ended");
  }

  @Test
  void givenOneJdbi_ofShouldHandBackOneInstance_andAnotherJdbiItsOwn() {
    assertSame(SharedDaos.of(JDBI), SharedDaos.of(JDBI));
    assertSame(SharedDaos.of(JDBI).get(OrganizationDao.class), SharedDaos.of(JDBI).get(OrganizationDao.class));
    Jdbi other = DB.jdbi(); // another Jdbi on the same database
    assertFalse(SharedDaos.of(JDBI) == SharedDaos.of(other));
  }

  @Test
  void givenTheScopesHandle_attachShouldHandBackTheSharedDao_andItsWritesShouldRollBackWithIt() {
    UUID org = UUID.randomUUID();
    assertThrows(IllegalStateException.class, () -> JDBI.useTransaction(handle -> {
      OrganizationDao dao = SharedDaos.attach(handle, OrganizationDao.class);
      assertSame(SharedDaos.of(JDBI).get(OrganizationDao.class), dao);
      dao.insert(org, "Revertida por attach");
      throw new IllegalStateException("roll back");
    }));
    assertFalse(SharedDaos.of(JDBI).get(OrganizationDao.class).find(org).isPresent());
  }

  @Test
  void givenAHandleOutsideAnyScope_attachShouldAttachToThatHandle() {
    UUID org = UUID.randomUUID();
    try (var handle = JDBI.open()) {
      handle.begin();
      OrganizationDao dao = SharedDaos.attach(handle, OrganizationDao.class);
      assertFalse(dao == SharedDaos.of(JDBI).get(OrganizationDao.class), "an opened handle is in no scope");
      dao.insert(org, "En su handle");
      handle.rollback();
    }
    assertFalse(SharedDaos.of(JDBI).get(OrganizationDao.class).find(org).isPresent(), "written on the opened handle");
  }
}
