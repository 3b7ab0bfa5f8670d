package dev.vocero.domain.spreadsheets;

import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a data row into a contact or a rejection, collecting every issue of the row rather than the first.
 * A row is rejected when any non-blank phone cell is invalid, so no number is dropped silently. The only state
 * kept across rows is the primary phone of each accepted row, for duplicates.
 */
final class RowValidator {
  private final ColumnLayout layout;
  private final PhoneParser parser;
  private final PhoneTimeZones zones;
  private final Map<String, Integer> acceptedRowByPhone = new HashMap<>();

  RowValidator(ColumnLayout layout, String defaultRegion) {
    this.layout = layout;
    this.parser = new PhoneParser(defaultRegion);
    this.zones = new PhoneTimeZones(defaultRegion);
  }

  /** Sends the row to the sink; true when it was accepted. */
  boolean validate(SheetRow row, ContactSink sink) {
    List<RowIssue> issues = new ArrayList<>();
    Phones phones = readPhones(row, issues);
    BigDecimal amount = readAmount(row, issues);
    LocalDate dueDate = readDueDate(row, issues);
    String timeZone = readTimeZone(row, phones.primary(), issues);
    List<String> numbers = phones.numbers();
    if (phones.primary() != null) {
      Integer earlier = acceptedRowByPhone.get(numbers.get(0));
      if (earlier != null) {
        issues.add(issue(row, phones.primaryColumn(), RowIssue.DUPLICATE, "duplicate of row " + earlier));
      }
    }
    if (!issues.isEmpty()) {
      sink.reject(new RejectedRow(row.number(), issues, values(row)));
      return false;
    }
    acceptedRowByPhone.put(numbers.get(0), row.number());
    sink.accept(new ContactDraft(row.number(), text(row, Field.NAME), numbers, amount, dueDate, timeZone,
        text(row, Field.DOCUMENT), text(row, Field.EMAIL), variables(row)));
    return true;
  }

  /** The distinct valid numbers in column order; the primary is the first, null when there is none. */
  private record Phones(List<String> numbers, PhoneNumber primary, String primaryColumn) {
  }

  private Phones readPhones(SheetRow row, List<RowIssue> issues) {
    List<String> numbers = new ArrayList<>();
    PhoneNumber primary = null;
    String primaryColumn = null;
    int problems = 0;
    for (int column : layout.phoneColumns()) {
      SheetCell cell = row.cell(column);
      if (cell.kind() == SheetCell.Kind.UNUSABLE) {
        issues.add(unusable(row, column, cell));
        problems++;
        continue;
      }
      String text = cell.plainText();
      if (text.isEmpty()) {
        continue;
      }
      PhoneNumber number = parser.parse(text);
      if (number == null) {
        issues.add(issue(row, layout.header(column), RowIssue.INVALID_PHONE,
            "\"" + text + "\" is not a valid phone number"));
        problems++;
        continue;
      }
      String e164 = parser.e164(number);
      if (!numbers.contains(e164)) {
        numbers.add(e164);
      }
      if (primary == null) {
        primary = number;
        primaryColumn = layout.header(column);
      }
    }
    if (numbers.isEmpty() && problems == 0) {
      issues.add(issue(row, layout.header(layout.phoneColumns().get(0)), RowIssue.MISSING_PHONE,
          "no phone number in the row"));
    }
    return new Phones(numbers, primary, primaryColumn);
  }

  private BigDecimal readAmount(SheetRow row, List<RowIssue> issues) {
    int column = layout.columnOf(Field.AMOUNT);
    SheetCell cell = row.cell(column);
    if (column < 0 || cell.isBlank()) {
      return null;
    }
    switch (cell.kind()) {
      case NUMBER:
        return cell.number();
      case UNUSABLE:
        issues.add(unusable(row, column, cell));
        return null;
      default:
        BigDecimal amount = cell.kind() == SheetCell.Kind.TEXT ? AmountParser.parse(cell.text()) : null;
        if (amount == null) {
          issues.add(issue(row, layout.header(column), RowIssue.INVALID_AMOUNT,
              "\"" + cell.text() + "\" is not an amount"));
        }
        return amount;
    }
  }

  private LocalDate readDueDate(SheetRow row, List<RowIssue> issues) {
    int column = layout.columnOf(Field.DUE_DATE);
    SheetCell cell = row.cell(column);
    if (column < 0 || cell.isBlank()) {
      return null;
    }
    LocalDate date = switch (cell.kind()) {
      case DATE -> cell.date();
      case NUMBER -> ExcelSerial.toDueDate(cell.number());
      case TEXT -> DateParser.parse(cell.text());
      case UNUSABLE -> null;
    };
    if (cell.kind() == SheetCell.Kind.UNUSABLE) {
      issues.add(unusable(row, column, cell));
    } else if (date == null) {
      issues.add(issue(row, layout.header(column), RowIssue.INVALID_DATE,
          "\"" + cell.text() + "\" is not a date (use dd/mm/yyyy or yyyy-mm-dd)"));
    }
    return date;
  }

  private String readTimeZone(SheetRow row, PhoneNumber primary, List<RowIssue> issues) {
    int column = layout.columnOf(Field.TIMEZONE);
    SheetCell cell = row.cell(column);
    if (column >= 0 && !cell.isBlank()) {
      String zone = TimeZoneParser.parse(cell.text());
      if (zone == null) {
        issues.add(issue(row, layout.header(column), RowIssue.UNKNOWN_TIME_ZONE,
            "\"" + cell.text() + "\" is not an IANA time zone (America/Bogota) or a UTC offset (-05:00)"));
      }
      return zone;
    }
    return primary == null ? null : zones.zoneFor(primary);
  }

  private String text(SheetRow row, Field field) {
    int column = layout.columnOf(field);
    if (column < 0) {
      return null;
    }
    String text = row.cell(column).plainText();
    return text.isEmpty() ? null : text;
  }

  private Map<String, String> variables(SheetRow row) {
    Map<String, String> variables = new LinkedHashMap<>();
    for (int column = 0; column < layout.width(); column++) {
      if (layout.field(column) == Field.VARIABLE) {
        variables.put(layout.header(column), row.cell(column).text());
      }
    }
    return variables;
  }

  private Map<String, String> values(SheetRow row) {
    Map<String, String> values = new LinkedHashMap<>();
    for (int column = 0; column < layout.width(); column++) {
      values.put(layout.header(column), row.cell(column).text());
    }
    return values;
  }

  private RowIssue unusable(SheetRow row, int column, SheetCell cell) {
    String message = cell.text().startsWith("=")
        ? "the formula " + cell.text() + " has no saved result; open the file in Excel and save it again"
        : "the formula gives the error " + cell.text();
    return issue(row, layout.header(column), RowIssue.FORMULA_UNUSABLE, message);
  }

  private static RowIssue issue(SheetRow row, String column, String code, String message) {
    return new RowIssue(row.number(), column, code, message);
  }
}
