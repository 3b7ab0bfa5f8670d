package dev.vocero.api.calls;

import dev.vocero.store.calls.ContactDao;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.HashSet;
import java.util.Set;

/**
 * How an import grouped its accepted rows into persons: by document id, by a person or account key column, or a row
 * alone; {@code rowsSharingAPerson} rows belong to a person another row of the list already is.
 */
@Schema(description = "How the accepted rows were grouped into persons (docs/compliance/persons.md)")
public record PersonGrouping(int persons, int rowsByDocument, int rowsByKey, int rowsAlone, int rowsSharingAPerson) {

  /** Counts the rows of one import as they are accepted. */
  static final class Counter {
    private final Set<String> keys = new HashSet<>();
    private int byDocument;
    private int byKey;
    private int alone;

    void add(ContactDao.NewContact contact) {
      if (contact.personHash() == null) {
        alone++;
        return;
      }
      keys.add(contact.personHash());
      if ("document".equals(contact.personKind())) {
        byDocument++;
      } else {
        byKey++;
      }
    }

    PersonGrouping grouping() {
      int persons = keys.size() + alone;
      return new PersonGrouping(persons, byDocument, byKey, alone, byDocument + byKey + alone - persons);
    }
  }
}
