package dev.vocero.api.calls;

import dev.vocero.store.calls.ContactDao;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The spreadsheet reader and calling-window rules, as the API needs them. Implemented in the activities
 * module (POI, commons-csv, Jollyday) and handed to the API by the workers module, which wires both.
 */
public interface ContactLists {

  /** Streams the file: valid rows to {@code accepted}, rejected ones to {@code rejected}. File-level problems throw {@link ImportFailure}. */
  Summary read(InputStream content, String filename, String defaultRegion, int maxRows,
      Consumer<ContactDao.NewContact> accepted, Consumer<Rejected> rejected);

  /** Throws IllegalArgumentException with a readable message when the jurisdiction or custom rules are not valid. */
  void validateWindows(String jurisdiction, List<String> customRules);

  List<String> jurisdictions();

  record Summary(String format, int rowsRead, int accepted, int rejected, Map<String, String> columnMapping) {}

  record Issue(int row, String column, String code, String message) {}

  record Rejected(int row, List<Issue> issues, Map<String, String> values) {}

  /** A whole-file problem (corrupt, zip bomb, no phone column…), with a stable code. */
  class ImportFailure extends RuntimeException {
    private final String code;

    public ImportFailure(String code, String message) {
      super(message);
      this.code = code;
    }

    public String code() {
      return code;
    }
  }
}
