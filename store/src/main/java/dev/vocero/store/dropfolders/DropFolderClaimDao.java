package dev.vocero.store.dropfolders;

import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Claims on dropped files: the first process to insert a file's key imports it; every other one skips it. */
public interface DropFolderClaimDao {
  /** 1 when this caller now owns the file, 0 when another process claimed it first. */
  @SqlUpdate("insert into drop_folder_claims (folder, file_name, size_bytes, modified_ms)"
      + " values (:folder, :fileName, :sizeBytes, :modifiedMs) on conflict do nothing")
  int claim(String folder, String fileName, long sizeBytes, long modifiedMs);

  /** Gives a claimed file back (its import failed for a reason worth retrying, such as Temporal being down). */
  @SqlUpdate("delete from drop_folder_claims where folder = :folder and file_name = :fileName"
      + " and size_bytes = :sizeBytes and modified_ms = :modifiedMs")
  void release(String folder, String fileName, long sizeBytes, long modifiedMs);
}
