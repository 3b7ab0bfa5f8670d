package dev.vocero.workers.dropfolders;

import dev.vocero.api.dropfolders.DropFolderImport;
import dev.vocero.store.SharedDaos;
import dev.vocero.store.accounts.OrganizationDao;
import dev.vocero.workers.config.DropFolderConfig;
import io.dropwizard.lifecycle.Managed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.file.FileEndpoint;
import org.jdbi.v3.core.Jdbi;

/**
 * The configured drop folders: one Camel file route each, started with the API (server and dev). The route only lists
 * and hands over; {@link DropFolderImport} claims, imports and moves, so two processes may poll the same folder.
 */
public final class DropFolders implements Managed {
  /** A folder and how often it is listed. */
  public record Polled(DropFolderImport.Folder folder, long intervalMillis) {}

  private final CamelContext camel;
  private final DropFolderImport importer;
  private final List<Polled> folders;
  private final List<String> routeIds = new ArrayList<>();

  public DropFolders(CamelContext camel, DropFolderImport importer, List<Polled> folders) {
    this.camel = camel;
    this.importer = importer;
    this.folders = List.copyOf(folders);
  }

  /** The configuration checked against the disk and the database; refuses to start naming each wrong key. */
  public static List<Polled> configured(List<DropFolderConfig> configs, Jdbi jdbi) {
    List<String> problems = new ArrayList<>();
    List<Polled> folders = new ArrayList<>();
    for (int i = 0; i < configs.size(); i++) {
      DropFolderConfig config = configs.get(i);
      String key = "dropFolders[" + i + "]";
      Path path = Path.of(config.getPath()).toAbsolutePath().normalize();
      if (!Files.isDirectory(path)) {
        problems.add(key + ".path: " + path + " does not exist or is not a directory.");
      }
      UUID org = organization(config.getOrganization());
      if (org == null) {
        problems.add(key + ".organization: '" + config.getOrganization() + "' is not an organization id (a UUID).");
      } else if (SharedDaos.of(jdbi).with(OrganizationDao.class, dao -> dao.find(org)).isEmpty()) {
        problems.add(key + ".organization: no organization has the id " + org + ".");
      }
      String name = config.getName() == null || config.getName().isBlank()
          ? String.valueOf(path.getFileName()) : config.getName().trim();
      folders.add(new Polled(new DropFolderImport.Folder(name, path, org, config.getLanguage()),
          config.getPollInterval().toMilliseconds()));
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException("Vocero will not start with these drop folders:\n  - "
          + String.join("\n  - ", problems));
    }
    return folders;
  }

  private static UUID organization(String value) {
    try {
      return UUID.fromString(value.trim());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  public DropFolderImport importer() {
    return importer;
  }

  @Override
  public void start() throws Exception {
    for (Polled polled : folders) {
      String id = "drop-folder-" + routeIds.size();
      FileEndpoint endpoint = camel.getEndpoint("file:" + polled.folder().path(), FileEndpoint.class);
      endpoint.setInclude(DropFolderImport.INCLUDE);
      endpoint.setNoop(true); // the import moves the file itself, after its claim
      endpoint.setIdempotent(false); // a new file with an old name is a new file; the claim tells them apart
      endpoint.setReadLock("changed"); // a file still being copied in is left for the next poll
      endpoint.setReadLockMinAge(1000);
      endpoint.setReadLockCheckInterval(250);
      endpoint.setReadLockMarkerFile(false);
      endpoint.setDelay(polled.intervalMillis());
      endpoint.setInitialDelay(Math.min(polled.intervalMillis(), 1000));
      camel.addRoutes(new RouteBuilder() {
        @Override
        public void configure() {
          from(endpoint).routeId(id).process(exchange -> importer.process(polled.folder(),
              Path.of(exchange.getIn().getHeader(Exchange.FILE_PATH, String.class))));
        }
      });
      routeIds.add(id);
    }
  }

  @Override
  public void stop() throws Exception {
    for (String id : routeIds) {
      camel.getRouteController().stopRoute(id);
      camel.removeRoute(id);
    }
    routeIds.clear();
  }
}
