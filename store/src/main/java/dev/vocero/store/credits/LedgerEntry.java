package dev.vocero.store.credits;

import java.time.Instant;
import java.util.UUID;

/** One append-only ledger line; {@code amount} is a magnitude, {@code kind} says which way it moved. */
public record LedgerEntry(long id, String kind, long amount, String reference, UUID createdBy, Instant createdAt,
    String note) {}
