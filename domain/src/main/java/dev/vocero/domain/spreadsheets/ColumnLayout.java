package dev.vocero.domain.spreadsheets;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The columns named by the header row: unique header names, the field each feeds, and where the phones are.
 * The first column recognised for a field wins; later ones become variables, except phones, which all count.
 */
final class ColumnLayout {
  private final List<String> headers;
  private final List<Field> fields;
  private final List<Integer> phoneColumns;
  private final Map<Field, Integer> singleColumns;

  private ColumnLayout(List<String> headers, List<Field> fields) {
    this.headers = List.copyOf(headers);
    this.fields = List.copyOf(fields);
    List<Integer> phones = new ArrayList<>();
    Map<Field, Integer> singles = new EnumMap<>(Field.class);
    for (int column = 0; column < fields.size(); column++) {
      if (fields.get(column) == Field.PHONE) {
        phones.add(column);
      } else if (fields.get(column) != Field.VARIABLE) {
        singles.put(fields.get(column), column);
      }
    }
    this.phoneColumns = List.copyOf(phones);
    this.singleColumns = singles;
  }

  static ColumnLayout of(SheetRow headerRow) {
    int width = 0;
    for (int column = 0; column < headerRow.cells().size(); column++) {
      if (!headerRow.cell(column).isBlank()) {
        width = column + 1;
      }
    }
    List<String> headers = new ArrayList<>();
    List<Field> fields = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Set<Field> taken = new HashSet<>();
    for (int column = 0; column < width; column++) {
      String written = headerRow.cell(column).text().strip();
      String header = unique(written.isEmpty() ? "column " + SheetSaxHandler.columnName(column) : written, seen);
      Field field = written.isEmpty() ? Field.VARIABLE : HeaderAliases.fieldOf(written);
      if (field != Field.PHONE && field != Field.VARIABLE && !taken.add(field)) {
        field = Field.VARIABLE;
      }
      headers.add(header);
      fields.add(field);
    }
    return new ColumnLayout(headers, fields);
  }

  private static String unique(String header, Set<String> seen) {
    String candidate = header;
    for (int n = 2; !seen.add(candidate); n++) {
      candidate = header + " (" + n + ")";
    }
    return candidate;
  }

  int width() {
    return headers.size();
  }

  String header(int column) {
    return headers.get(column);
  }

  Field field(int column) {
    return fields.get(column);
  }

  List<String> headers() {
    return headers;
  }

  List<Integer> phoneColumns() {
    return phoneColumns;
  }

  /** The column of a single-valued field, or -1 when the file has none. */
  int columnOf(Field field) {
    return singleColumns.getOrDefault(field, -1);
  }

  Map<String, String> mapping() {
    Map<String, String> mapping = new LinkedHashMap<>();
    for (int column = 0; column < headers.size(); column++) {
      mapping.put(headers.get(column), fields.get(column).key);
    }
    return mapping;
  }
}
