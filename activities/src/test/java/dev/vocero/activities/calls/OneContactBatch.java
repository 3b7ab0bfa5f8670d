package dev.vocero.activities.calls;

import dev.vocero.credits.CreditLedger;
import dev.vocero.store.OrgRows;
import java.util.UUID;

/** A new organisation that pays for its calls (credits enforced), with a batch of one contact in Bogotá. */
record OneContactBatch(UUID org, UUID batch, long contact) {
  static OneContactBatch insert(CreditLedger ledger, OrgRows rows, String name, String phone) {
    UUID batch = rows.batch("{}");
    long contact = rows.contact(batch, name, phone);
    ledger.setEnforced(rows.org(), true);
    return new OneContactBatch(rows.org(), batch, contact);
  }
}
