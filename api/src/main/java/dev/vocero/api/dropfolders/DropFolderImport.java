package dev.vocero.api.dropfolders;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vocero.api.audio.AudioIntake;
import dev.vocero.api.audit.AuditTrail;
import dev.vocero.api.auth.Role;
import dev.vocero.api.auth.VoceroPrincipal;
import dev.vocero.api.calls.BatchImport;
import dev.vocero.api.calls.BatchSettingsRequest;
import dev.vocero.api.calls.BatchViews;
import dev.vocero.api.errors.ApiError;
import dev.vocero.api.errors.ApiException;
import dev.vocero.store.SharedDaos;
import dev.vocero.store.dropfolders.DropFolderClaimDao;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One file dropped in an organization's folder: claimed in PostgreSQL (so two pollers never import it twice), turned
 * into a batch (contact lists, with the folder's {@code settings.json}) or an audio in processing, then moved to
 * {@code done/}; a file the API would refuse goes to {@code error/} beside {@code <file>.error.json} holding the API's
 * error body. A failure worth retrying (Temporal or the database down) gives the claim back and leaves the file.
 */
public final class DropFolderImport {
  private static final Logger LOG = LoggerFactory.getLogger(DropFolderImport.class);
  public static final String SETTINGS = "settings.json";
  public static final String DONE = "done";
  public static final String ERROR = "error";
  private static final Set<String> LISTS = Set.of("csv", "xlsx");
  private static final Set<String> AUDIO = Set.of("wav", "mp3", "m4a", "mp4", "ogg", "opus", "flac", "webm");
  /** The files a folder picks up (a regular expression on the name): visible contact lists and audio files. */
  public static final String INCLUDE = "(?i)[^.].*\\.(csv|xlsx|wav|mp3|m4a|mp4|ogg|opus|flac|webm)";

  /** A configured folder: {@code name} appears in the audit trail and the logs. */
  public record Folder(String name, Path path, UUID orgId, String language) {}

  public enum Outcome { IMPORTED, REFUSED, TAKEN, RETRY }

  private final Jdbi jdbi;
  private final BatchImport batches;
  private final AudioIntake audios;
  private final AuditTrail audit;
  private final ObjectMapper json;

  public DropFolderImport(Jdbi jdbi, BatchImport batches, AudioIntake audios, AuditTrail audit, ObjectMapper json) {
    this.jdbi = jdbi;
    this.batches = batches;
    this.audios = audios;
    this.audit = audit;
    this.json = json;
  }

  public Outcome process(Folder folder, Path file) {
    String name = file.getFileName().toString();
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(file, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      return Outcome.TAKEN; // another process imported and moved it since the folder was listed
    } catch (IOException e) {
      LOG.warn("Drop folder {}: a file could not be read ({}); it is tried again", folder.name(), e.toString());
      return Outcome.RETRY;
    }
    String key = folder.path().toAbsolutePath().normalize().toString();
    long size = attributes.size();
    long modified = attributes.lastModifiedTime().toMillis();
    if (SharedDaos.of(jdbi).with(DropFolderClaimDao.class, dao -> dao.claim(key, name, size, modified)) == 0) {
      return Outcome.TAKEN;
    }
    try {
      importFile(folder, file, name);
    } catch (ApiException e) {
      if (e.status() >= 500) {
        return retry(folder, key, name, size, modified, e);
      }
      refuse(folder, file, name, new ApiError(e.code(), e.getMessage(), e.details()));
      return Outcome.REFUSED;
    } catch (IOException | RuntimeException e) {
      return retry(folder, key, name, size, modified, e);
    }
    try {
      move(file, folder.path().resolve(DONE), name);
    } catch (IOException e) { // imported: the claim stays, so the file is not imported again where it is
      LOG.error("Drop folder {}: an imported file could not be moved to done/ ({})", folder.name(), e.toString());
    }
    return Outcome.IMPORTED;
  }

  private void importFile(Folder folder, Path file, String name) throws IOException {
    VoceroPrincipal actor = new VoceroPrincipal(null, folder.orgId(), null, Role.OPERATOR);
    String label = "drop folder " + folder.name();
    String extension = extension(name);
    if (LISTS.contains(extension)) {
      BatchSettingsRequest settings = batches.settings(settings(folder));
      BatchViews.Created created;
      try (InputStream in = Files.newInputStream(file)) {
        created = batches.create(actor, in, name, settings);
      }
      audit.system(folder.orgId(), label, "batches.create", "batches", created.id().toString(), 201);
      LOG.info("Drop folder {}: batch {} created with {} contacts", folder.name(), created.id(), created.contacts());
    } else if (AUDIO.contains(extension)) {
      AudioIntake.Result result;
      try (InputStream in = Files.newInputStream(file)) {
        result = audios.accept(actor, in, name, null, folder.language(), false);
      }
      if (result.created()) {
        audit.system(folder.orgId(), label, "audios.create", "audios", result.audio().id().toString(), 202);
      }
      LOG.info("Drop folder {}: audio {} {}", folder.name(), result.audio().id(), result.created() ? "accepted" : "already stored");
    } else {
      throw new ApiException(415, "unsupported_format", "Drop folders take contact lists (.csv, .xlsx) and audio files"
          + " (" + String.join(", ", AUDIO.stream().sorted().toList()) + ").");
    }
  }

  /** The folder's settings.json, read for every list so that a change applies to the next file. */
  private static String settings(Folder folder) throws IOException {
    Path settings = folder.path().resolve(SETTINGS);
    if (!Files.isRegularFile(settings)) {
      String message = "The drop folder has no " + SETTINGS + ": put the batch settings there, the same JSON object"
          + " the API's batch upload takes as 'settings'.";
      throw new ApiException(422, "missing_settings", message,
          List.of(new ApiError.Detail(SETTINGS, "missing_file", message)), null);
    }
    return Files.readString(settings);
  }

  private void refuse(Folder folder, Path file, String name, ApiError error) {
    try {
      Path moved = move(file, folder.path().resolve(ERROR), name);
      Path report = moved.resolveSibling(moved.getFileName() + ".error.json");
      json.writerWithDefaultPrettyPrinter().writeValue(report.toFile(), error);
      LOG.info("Drop folder {}: a file was refused ({}) and moved to error/", folder.name(), error.code());
    } catch (IOException e) {
      LOG.error("Drop folder {}: a refused file ({}) could not be moved to error/ ({})", folder.name(), error.code(),
          e.toString());
    }
  }

  private Outcome retry(Folder folder, String key, String name, long size, long modified, Exception e) {
    SharedDaos.of(jdbi).use(DropFolderClaimDao.class, dao -> dao.release(key, name, size, modified));
    LOG.warn("Drop folder {}: a file could not be imported now and is tried again: {}", folder.name(), e.toString());
    return Outcome.RETRY;
  }

  /** Moves into {@code dir}, keeping the name unless a file there has it already. */
  private static Path move(Path file, Path dir, String name) throws IOException {
    Files.createDirectories(dir);
    Path target = dir.resolve(name);
    if (Files.exists(target)) {
      target = dir.resolve(System.currentTimeMillis() + "-" + name);
    }
    return Files.move(file, target);
  }

  private static String extension(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }
}
