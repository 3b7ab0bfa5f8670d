package dev.vocero.domain.spreadsheets;

/**
 * Second pass: the first non-blank row becomes the column layout (refused before any row reaches the sink when
 * it names no phone column); every later non-blank row goes through the validator to the sink.
 */
final class ImportPass implements RowHandler {
  private final String defaultRegion;
  private final ContactSink sink;
  private ColumnLayout layout;
  private RowValidator validator;
  private int rowsRead;
  private int accepted;

  ImportPass(String defaultRegion, ContactSink sink) {
    this.defaultRegion = defaultRegion;
    this.sink = sink;
  }

  @Override
  public void row(SheetRow row) {
    if (row.isBlank()) {
      return;
    }
    if (layout == null) {
      layout = ColumnLayout.of(row);
      if (layout.phoneColumns().isEmpty()) {
        throw new ImportException(ImportException.NO_PHONE_COLUMN, "No phone column in the header row "
            + layout.headers() + ": name one \"Teléfono\", \"Celular\", \"Phone\" or \"WhatsApp\".");
      }
      validator = new RowValidator(layout, defaultRegion);
      return;
    }
    rowsRead++;
    if (validator.validate(row, sink)) {
      accepted++;
    }
  }

  ColumnLayout layout() {
    return layout;
  }

  int rowsRead() {
    return rowsRead;
  }

  int accepted() {
    return accepted;
  }

  int rejected() {
    return rowsRead - accepted;
  }
}
