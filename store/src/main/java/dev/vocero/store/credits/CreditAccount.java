package dev.vocero.store.credits;

import java.util.UUID;

/** An organization's credits: {@code balance} owned, {@code reserved} held for calls and messages in flight. */
public record CreditAccount(UUID orgId, long balance, long reserved, boolean enforced) {

  public long available() {
    return balance - reserved;
  }
}
