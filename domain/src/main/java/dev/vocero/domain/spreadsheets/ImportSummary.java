package dev.vocero.domain.spreadsheets;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an import read.
 *
 * @param format "xlsx" or "csv"
 * @param encoding charset name used for a CSV ("UTF-8", "windows-1252", "UTF-16LE"), null for xlsx
 * @param delimiter the CSV delimiter, 0 for xlsx
 * @param rowsRead data rows read (blank rows and the header excluded); always accepted + rejected
 * @param headers column headers as written, made unique: a blank one becomes "column C", a repeat gets " (2)"
 * @param columnMapping header to field: name, phone, amount, due_date, timezone, document, email or variable
 */
public record ImportSummary(String format, String encoding, char delimiter, int rowsRead, int accepted,
    int rejected, List<String> headers, Map<String, String> columnMapping) {

  public ImportSummary {
    headers = List.copyOf(headers);
    columnMapping = Collections.unmodifiableMap(new LinkedHashMap<>(columnMapping));
  }
}
