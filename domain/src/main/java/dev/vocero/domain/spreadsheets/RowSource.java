package dev.vocero.domain.spreadsheets;

import java.util.function.IntConsumer;

/** A readable first sheet; {@link #readRows} may be called more than once, each time from the top. */
interface RowSource extends AutoCloseable {
  void readRows(RowHandler handler);

  /** The numbers of the non-blank rows, without decoding values: a cheap pass for counting. */
  void readNonBlankRowNumbers(IntConsumer rowNumbers);

  String format();

  /** The charset of a CSV, null for a workbook. */
  String encoding();

  /** The delimiter of a CSV, 0 for a workbook. */
  char delimiter();

  @Override
  void close();
}
