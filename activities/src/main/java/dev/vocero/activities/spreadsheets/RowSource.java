package dev.vocero.activities.spreadsheets;

/** A readable first sheet; {@link #readRows} may be called more than once, each time from the top. */
interface RowSource extends AutoCloseable {
  void readRows(RowHandler handler);

  String format();

  /** The charset of a CSV, null for a workbook. */
  String encoding();

  /** The delimiter of a CSV, 0 for a workbook. */
  char delimiter();

  @Override
  void close();
}
