package dev.vocero.workers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vocero.store.TestDatabase;
import io.dropwizard.db.DataSourceFactory;
import org.junit.jupiter.api.Test;

class MigrationPoolTest {
  static final TestDatabase DB = TestDatabase.fresh();

  @Test
  void givenTheStartUpMigration_whenItIsDone_itShouldLeaveNoConnectionOpen() throws Exception {
    DataSourceFactory database = new DataSourceFactory();
    database.setDriverClass("org.postgresql.Driver");
    database.setUrl(DB.jdbcUrl());
    database.setUser(DB.user());
    database.setPassword(DB.password());

    VoceroApplication.migrate(database);

    // before: the migration's pool kept its initial 10 connections for the life of the process, and the tests'
    // applications added up past the test server's 400 connections
    assertEquals(0, backendsOf(DB), "connections still open to the migrated database");
  }

  private static int backendsOf(TestDatabase db) {
    return db.jdbi().withHandle(h -> h.createQuery("select count(*) from pg_stat_activity"
        + " where datname = current_database() and pid <> pg_backend_pid()").mapTo(Integer.class).one());
  }
}
