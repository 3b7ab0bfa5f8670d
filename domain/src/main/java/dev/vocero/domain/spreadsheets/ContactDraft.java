package dev.vocero.domain.spreadsheets;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A valid row. Optional fields are null when the column is absent or the cell blank.
 *
 * @param row 1-based row number as shown by Excel (the header is usually row 1)
 * @param phones E.164 numbers in column order, the first being the primary; never empty, no repeats
 * @param timeZone IANA id ("America/Bogota") or a fixed offset ("-05:00"); both parse with {@code ZoneId.of}
 * @param variables every column that is not a known field, header as written to cell text, in column order
 */
public record ContactDraft(int row, String name, List<String> phones, BigDecimal amount, LocalDate dueDate,
    String timeZone, String document, String email, Map<String, String> variables) {

  public ContactDraft {
    phones = List.copyOf(phones);
    variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
  }
}
