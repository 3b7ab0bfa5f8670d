package dev.vocero.domain.spreadsheets;

import java.util.ArrayList;
import java.util.List;

/** Keeps what the importer sent, in order. */
final class RecordingSink implements ContactSink {
  final List<ContactDraft> accepted = new ArrayList<>();
  final List<RejectedRow> rejected = new ArrayList<>();

  @Override
  public void accept(ContactDraft contact) {
    accepted.add(contact);
  }

  @Override
  public void reject(RejectedRow row) {
    rejected.add(row);
  }

  ContactDraft acceptedRow(int row) {
    return accepted.stream().filter(c -> c.row() == row).findFirst()
        .orElseThrow(() -> new AssertionError("row " + row + " was not accepted; rejected: " + rejected));
  }

  RejectedRow rejectedRow(int row) {
    return rejected.stream().filter(r -> r.row() == row).findFirst()
        .orElseThrow(() -> new AssertionError("row " + row + " was not rejected; accepted: " + accepted));
  }

  List<String> codes(int row) {
    return rejectedRow(row).issues().stream().map(RowIssue::code).toList();
  }
}
