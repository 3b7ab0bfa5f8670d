package dev.vocero.domain.spreadsheets;

/** Receives every data row of an import, in file order, as it is read; the importer keeps none of them. */
public interface ContactSink {
  void accept(ContactDraft contact);

  void reject(RejectedRow row);
}
