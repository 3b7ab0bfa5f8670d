package dev.vocero.domain.spreadsheets;

/** What a column feeds; {@link #key} is the name shown in {@link ImportSummary#columnMapping()}. */
enum Field {
  NAME("name"), PHONE("phone"), AMOUNT("amount"), DUE_DATE("due_date"), TIMEZONE("timezone"),
  DOCUMENT("document"), EMAIL("email"), VARIABLE("variable");

  final String key;

  Field(String key) {
    this.key = key;
  }
}
