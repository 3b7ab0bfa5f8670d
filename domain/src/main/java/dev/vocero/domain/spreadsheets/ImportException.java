package dev.vocero.domain.spreadsheets;

/** A problem with the whole file; nothing was imported. {@link #code()} is stable and safe to show to API clients. */
public class ImportException extends RuntimeException {
  public static final String UNSUPPORTED_FORMAT = "unsupported_format";
  public static final String CORRUPT_FILE = "corrupt_file";
  public static final String ZIP_BOMB = "zip_bomb";
  public static final String XML_ENTITIES = "xml_entities";
  public static final String TOO_MANY_ROWS = "too_many_rows";
  public static final String FILE_TOO_LARGE = "file_too_large";
  public static final String EMPTY_SHEET = "empty_sheet";
  public static final String NO_PHONE_COLUMN = "no_phone_column";
  public static final String UNREADABLE_ENCODING = "unreadable_encoding";
  public static final String TOO_MANY_COLUMNS = "too_many_columns";
  public static final String CELL_TOO_LONG = "cell_too_long";
  public static final String ROW_TOO_LONG = "row_too_long";
  public static final String TOO_MANY_STRINGS = "too_many_strings";

  private final String code;

  public ImportException(String code, String message) {
    this(code, message, null);
  }

  ImportException(String code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  public String code() {
    return code;
  }
}
