package dev.vocero.api.calls;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vocero.domain.compliance.CallingWindows;
import dev.vocero.domain.persons.PersonKey;
import dev.vocero.domain.spreadsheets.ContactDraft;
import dev.vocero.domain.spreadsheets.ContactImporter;
import dev.vocero.domain.spreadsheets.ContactSink;
import dev.vocero.domain.spreadsheets.ImportException;
import dev.vocero.domain.spreadsheets.ImportOptions;
import dev.vocero.domain.spreadsheets.ImportSummary;
import dev.vocero.domain.spreadsheets.RejectedRow;
import dev.vocero.domain.spreadsheets.SheetLimits;
import dev.vocero.store.calls.ContactDao;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** An uploaded contact list read by the domain's spreadsheet importer, and the calling-window rules it names. */
public final class ContactLists {
  private final ObjectMapper json;
  private final long maxBytes;
  private final SheetLimits limits;

  public ContactLists(ObjectMapper json, long maxBytes, SheetLimits limits) {
    this.json = json;
    this.maxBytes = maxBytes;
    this.limits = limits;
  }

  /** Streams the file: valid rows to {@code accepted}, rejected ones to {@code rejected}. File-level problems throw {@link ImportFailure}. */
  public Summary read(InputStream content, String filename, String defaultRegion, int maxRows,
      Consumer<ContactDao.NewContact> accepted, Consumer<Rejected> rejected) {
    ContactImporter importer = new ContactImporter(new ImportOptions(defaultRegion, maxRows, maxBytes, limits));
    try {
      ImportSummary summary = importer.read(content, filename, new ContactSink() {
        @Override
        public void accept(ContactDraft contact) {
          accepted.accept(toNew(contact));
        }

        @Override
        public void reject(RejectedRow row) {
          rejected.accept(new Rejected(row.row(), row.issues().stream()
              .map(i -> new Issue(i.row(), i.column(), i.code(), i.message())).toList(), row.values()));
        }
      });
      return new Summary(summary.format(), summary.rowsRead(), summary.accepted(), summary.rejected(), summary.columnMapping());
    } catch (ImportException e) {
      throw new ImportFailure(e.code(), e.getMessage());
    }
  }

  private ContactDao.NewContact toNew(ContactDraft c) {
    try {
      Optional<PersonKey> person = PersonKey.of(c.document(), c.variables());
      return new ContactDao.NewContact(c.row(), c.name(), c.phones(), c.amount(), c.dueDate(), c.timeZone(), c.document(),
          c.email(), json.writeValueAsString(c.variables()), person.map(k -> k.kind().wire()).orElse(null),
          person.map(PersonKey::hash).orElse(null));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Throws IllegalArgumentException with a readable message when the jurisdiction or custom rules are not valid. */
  public void validateWindows(String jurisdiction, List<String> customRules) {
    if ("CUSTOM".equalsIgnoreCase(jurisdiction)) {
      if (customRules == null || customRules.isEmpty()) {
        throw new IllegalArgumentException("give at least one rule such as \"MON-FRI 09:00-18:00\" in customWindows");
      }
      CallingWindows.custom(customRules, null);
    } else {
      CallingWindows.preset(jurisdiction);
    }
  }

  public List<String> jurisdictions() {
    return CallingWindows.presets();
  }

  public record Summary(String format, int rowsRead, int accepted, int rejected, Map<String, String> columnMapping) {}

  public record Issue(int row, String column, String code, String message) {}

  public record Rejected(int row, List<Issue> issues, Map<String, String> values) {}

  /** A whole-file problem (corrupt, zip bomb, no phone column…), with a stable code. */
  public static class ImportFailure extends RuntimeException {
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
