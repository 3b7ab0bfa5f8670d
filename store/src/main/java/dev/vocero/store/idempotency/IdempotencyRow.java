package dev.vocero.store.idempotency;

import java.time.Instant;
import java.util.UUID;

/** A claimed Idempotency-Key: {@code running} until the first request answers, then its stored answer. */
public record IdempotencyRow(UUID orgId, String key, String requestHash, String state, Integer responseStatus,
    String responseType, byte[] responseBody, Instant createdAt, Instant expiresAt) {

  public boolean done() {
    return "done".equals(state);
  }
}
