package dev.vocero.domain.spreadsheets;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A row that was not imported, with every reason found and the row as read (header to cell text). */
public record RejectedRow(int row, List<RowIssue> issues, Map<String, String> values) {

  public RejectedRow {
    issues = List.copyOf(issues);
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }
}
