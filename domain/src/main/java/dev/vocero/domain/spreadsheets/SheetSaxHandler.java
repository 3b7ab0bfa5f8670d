package dev.vocero.domain.spreadsheets;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Streams the rows of one worksheet XML part, keeping only the current row: either decoded, blank rows included,
 * or, for counting, just the numbers of the non-blank rows, without formatting any value.
 */
final class SheetSaxHandler extends DefaultHandler {
  private final SheetLimits limits;
  private final XlsxCellDecoder decoder;
  private final RowHandler rows;
  private final IntConsumer nonBlankRows;
  private final StringBuilder text = new StringBuilder();
  private boolean capturing;
  private boolean inInlineString;
  private boolean inPhonetic;

  private int rowNumber;
  private List<SheetCell> cells = new ArrayList<>();
  private boolean rowHasValue;
  private long rowChars;
  private int column;
  private String type;
  private int style;
  private String value;
  private boolean formula;
  private String formulaText;
  private String inline;

  private SheetSaxHandler(SheetLimits limits, XlsxCellDecoder decoder, RowHandler rows, IntConsumer nonBlankRows) {
    this.limits = limits;
    this.decoder = decoder;
    this.rows = rows;
    this.nonBlankRows = nonBlankRows;
  }

  static SheetSaxHandler decoding(SheetLimits limits, XlsxCellDecoder decoder, RowHandler rows) {
    return new SheetSaxHandler(limits, decoder, rows, null);
  }

  static SheetSaxHandler counting(SheetLimits limits, XlsxCellDecoder decoder, IntConsumer nonBlankRows) {
    return new SheetSaxHandler(limits, decoder, null, nonBlankRows);
  }

  @Override
  public void startElement(String uri, String localName, String qName, Attributes attributes) {
    switch (localName) {
      case "row" -> startRow(attributes.getValue("r"));
      case "c" -> startCell(attributes);
      case "v", "f" -> {
        formula |= "f".equals(localName);
        startCapture();
      }
      case "is" -> {
        inInlineString = true;
        text.setLength(0);
      }
      case "rPh" -> inPhonetic = true;
      case "t" -> capturing = inInlineString && !inPhonetic;
      default -> {
      }
    }
  }

  @Override
  public void endElement(String uri, String localName, String qName) {
    switch (localName) {
      case "v" -> value = stopCapture();
      case "f" -> formulaText = stopCapture();
      case "t" -> capturing = false;
      case "rPh" -> inPhonetic = false;
      case "is" -> {
        inline = text.toString();
        inInlineString = false;
      }
      case "c" -> endCell();
      case "row" -> endRow();
      default -> {
      }
    }
  }

  @Override
  public void characters(char[] ch, int start, int length) {
    if (capturing) {
      if (text.length() + length > limits.maxCellChars()) {
        throw new ImportException(ImportException.CELL_TOO_LONG, String.format("Cell %s%d of the workbook holds "
            + "more than %,d characters, more than Excel allows in a cell; it was refused as damaged or hostile.",
            columnName(Math.max(column, 0)), rowNumber, limits.maxCellChars()));
      }
      text.append(ch, start, length);
    }
  }

  private void startRow(String reference) {
    rowNumber = reference == null ? rowNumber + 1 : parseInt(reference, rowNumber + 1);
    cells = rows == null ? cells : new ArrayList<>();
    column = -1;
    rowHasValue = false;
    rowChars = 0;
  }

  private void endRow() {
    if (rows != null) {
      rows.row(new SheetRow(rowNumber, cells));
    } else if (rowHasValue) {
      nonBlankRows.accept(rowNumber);
    }
  }

  private void startCell(Attributes attributes) {
    String reference = attributes.getValue("r");
    column = reference == null ? column + 1 : columnIndex(reference);
    type = attributes.getValue("t");
    style = parseInt(attributes.getValue("s"), 0);
    value = null;
    formula = false;
    formulaText = "";
    inline = null;
  }

  private void endCell() {
    if (column < 0) {
      return;
    }
    if (column >= limits.maxColumns()) {
      throw new ImportException(ImportException.TOO_MANY_COLUMNS, String.format("Row %d of the workbook has a "
          + "value beyond column %s; only %,d columns are read.", rowNumber, columnName(limits.maxColumns() - 1),
          limits.maxColumns()));
    }
    SheetCell cell = null;
    int chars;
    try {
      if (rows == null) {
        rowHasValue |= !decoder.isBlank(type, value, formula, inline);
        chars = decoder.textLength(type, value, inline);
      } else {
        cell = decoder.decode(type, style, value, formula, formulaText, inline);
        chars = cell.kind() == SheetCell.Kind.NUMBER ? 0 : cell.text().length();
      }
    } catch (RuntimeException e) {
      throw new ImportException(ImportException.CORRUPT_FILE, "The workbook is damaged: cell "
          + columnName(column) + rowNumber + " cannot be read.", e);
    }
    countChars(chars);
    if (cell == null) {
      return;
    }
    while (cells.size() <= column) {
      cells.add(null);
    }
    cells.set(column, cell);
  }

  /** A row keeps all its cells until it ends: 16,384 cells sharing one long text would otherwise fill the heap. */
  private void countChars(int chars) {
    rowChars += chars;
    if (rowChars > limits.maxRowChars()) {
      throw new ImportException(ImportException.ROW_TOO_LONG, String.format("Row %d of the workbook holds more than "
          + "%,d characters of text, far more than a contact needs; it was refused as damaged or hostile.", rowNumber,
          limits.maxRowChars()));
    }
  }

  private void startCapture() {
    text.setLength(0);
    capturing = true;
  }

  private String stopCapture() {
    capturing = false;
    return text.toString();
  }

  /** "AB12" to 27. */
  static int columnIndex(String reference) {
    int index = 0;
    for (int i = 0; i < reference.length(); i++) {
      char ch = reference.charAt(i);
      if (ch < 'A' || ch > 'Z') {
        break;
      }
      index = index * 26 + (ch - 'A' + 1);
    }
    return index - 1;
  }

  /** 27 to "AB". */
  static String columnName(int index) {
    StringBuilder name = new StringBuilder();
    for (int n = index + 1; n > 0; n = (n - 1) / 26) {
      name.insert(0, (char) ('A' + (n - 1) % 26));
    }
    return name.toString();
  }

  private static int parseInt(String text, int fallback) {
    if (text == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
