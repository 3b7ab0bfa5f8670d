package dev.vocero.workers.calls;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vocero.activities.compliance.CallingWindows;
import dev.vocero.activities.spreadsheets.ContactDraft;
import dev.vocero.activities.spreadsheets.ContactImporter;
import dev.vocero.activities.spreadsheets.ContactSink;
import dev.vocero.activities.spreadsheets.ImportException;
import dev.vocero.activities.spreadsheets.ImportOptions;
import dev.vocero.activities.spreadsheets.ImportSummary;
import dev.vocero.activities.spreadsheets.RejectedRow;
import dev.vocero.api.calls.ContactLists;
import dev.vocero.store.calls.ContactDao;
import java.io.InputStream;
import java.util.List;
import java.util.function.Consumer;

/** The spreadsheet importer and calling windows of the activities module, behind the API's port. */
public final class ContactListsAdapter implements ContactLists {
  private final ObjectMapper json;
  private final long maxBytes;

  public ContactListsAdapter(ObjectMapper json, long maxBytes) {
    this.json = json;
    this.maxBytes = maxBytes;
  }

  @Override
  public Summary read(InputStream content, String filename, String defaultRegion, int maxRows,
      Consumer<ContactDao.NewContact> accepted, Consumer<Rejected> rejected) {
    ContactImporter importer = new ContactImporter(new ImportOptions(defaultRegion, maxRows, maxBytes));
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
      return new ContactDao.NewContact(c.row(), c.name(), c.phones(), c.amount(), c.dueDate(), c.timeZone(), c.document(),
          c.email(), json.writeValueAsString(c.variables()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
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

  @Override
  public List<String> jurisdictions() {
    return CallingWindows.presets();
  }
}
