package dev.vocero.domain.spreadsheets;

import java.util.List;

/** A row as read, numbered as Excel shows it; cells are by column index, possibly shorter than the header. */
record SheetRow(int number, List<SheetCell> cells) {

  SheetCell cell(int column) {
    if (column < 0 || column >= cells.size()) {
      return SheetCell.EMPTY;
    }
    SheetCell cell = cells.get(column);
    return cell == null ? SheetCell.EMPTY : cell;
  }

  boolean isBlank() {
    for (SheetCell cell : cells) {
      if (cell != null && !cell.isBlank()) {
        return false;
      }
    }
    return true;
  }
}
