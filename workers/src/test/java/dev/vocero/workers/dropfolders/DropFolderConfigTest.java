package dev.vocero.workers.dropfolders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vocero.store.TestDatabase;
import dev.vocero.store.accounts.OrganizationDao;
import dev.vocero.workers.TestStack;
import dev.vocero.workers.config.DropFolderConfig;
import io.dropwizard.jackson.Jackson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Start-up refuses drop folders that cannot work, naming each wrong key; a good entry becomes a polled folder. */
class DropFolderConfigTest {
  static final TestDatabase DB = TestDatabase.fresh();
  static final ObjectMapper JSON = Jackson.newObjectMapper();

  @Test
  void givenAMissingFolderAndUnknownOrganizations_itShouldRefuseToStartNamingTheKeys() throws Exception {
    Path folder = TestStack.tempDir("drop-check");
    Path file = Files.writeString(folder.resolve("not-a-folder.txt"), "x");
    IllegalStateException refused = assertThrows(IllegalStateException.class, () -> DropFolders.configured(List.of(
        entry(UUID.randomUUID().toString(), folder.resolve("missing").toString()),
        entry("acme", folder.toString()),
        entry(organization().toString(), file.toString())), DB.jdbi()));
    String message = refused.getMessage();
    assertTrue(message.contains("dropFolders[0].path: " + folder.resolve("missing") + " does not exist"), message);
    assertTrue(message.contains("dropFolders[0].organization: no organization has the id"), message);
    assertTrue(message.contains("dropFolders[1].organization: 'acme' is not an organization id"), message);
    assertTrue(message.contains("dropFolders[2].path: " + file + " does not exist or is not a directory"), message);
    assertEquals(4, message.split("\n  - ").length - 1, message);
  }

  @Test
  void givenAGoodEntry_itShouldPollItWithItsInterval() throws Exception {
    UUID org = organization();
    Path folder = TestStack.tempDir("drop-good");
    DropFolderConfig config = JSON.convertValue(Map.of("organization", org.toString(), "path", folder.toString(),
        "pollInterval", "2s", "language", "es"), DropFolderConfig.class);
    DropFolders.Polled polled = DropFolders.configured(List.of(config), DB.jdbi()).get(0);
    assertEquals(org, polled.folder().orgId());
    assertEquals(folder.getFileName().toString(), polled.folder().name(), "named after the folder by default");
    assertEquals(2000, polled.intervalMillis());
    assertEquals("es", polled.folder().language());
  }

  private static DropFolderConfig entry(String organization, String path) {
    return JSON.convertValue(Map.of("organization", organization, "path", path), DropFolderConfig.class);
  }

  private static UUID organization() {
    UUID org = UUID.randomUUID();
    DB.jdbi().useExtension(OrganizationDao.class, dao -> dao.insert(org, "Org"));
    return org;
  }
}
