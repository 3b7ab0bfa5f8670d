package dev.vocero.domain.spreadsheets;

/**
 * What one uploaded sheet may hold, checked while it streams, so a hostile file is refused before it fills the
 * heap. The defaults are Excel's own limits where it has one (16,384 columns, 32,767 characters a cell) and far
 * above any real contact list elsewhere.
 *
 * @param maxColumns columns in one row
 * @param maxCellChars characters in one cell (a CSV field, an xlsx value, inline or shared string)
 * @param maxRowChars characters in one row: a CSV record (delimiters and quotes included) or an xlsx row's texts
 * @param maxSharedStrings distinct texts in an xlsx shared-strings table
 * @param maxSharedStringChars characters of all those texts together
 */
public record SheetLimits(int maxColumns, int maxCellChars, int maxRowChars, int maxSharedStrings,
    int maxSharedStringChars) {
  public static final int DEFAULT_MAX_COLUMNS = 16_384;
  public static final int DEFAULT_MAX_CELL_CHARS = 32_767;
  public static final int DEFAULT_MAX_ROW_CHARS = 1_048_576;
  public static final int DEFAULT_MAX_SHARED_STRINGS = 2_000_000;
  public static final int DEFAULT_MAX_SHARED_STRING_CHARS = 32 * 1024 * 1024;

  public static final SheetLimits DEFAULTS = new SheetLimits(DEFAULT_MAX_COLUMNS, DEFAULT_MAX_CELL_CHARS,
      DEFAULT_MAX_ROW_CHARS, DEFAULT_MAX_SHARED_STRINGS, DEFAULT_MAX_SHARED_STRING_CHARS);

  public SheetLimits {
    if (maxColumns < 1 || maxCellChars < 1 || maxRowChars < 1 || maxSharedStrings < 1 || maxSharedStringChars < 1) {
      throw new IllegalArgumentException("sheet limits must be positive");
    }
  }
}
