package dev.vocero.domain.spreadsheets;

/** Receives the rows of a sheet in order, blank ones included. */
interface RowHandler {
  void row(SheetRow row);
}
