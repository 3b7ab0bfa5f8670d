package dev.vocero.domain.compliance;

import java.time.Instant;

/**
 * A contact the gate allowed earlier for the same person. {@code outcome} is a ledger word: reserved, placed,
 * not_placed, no_answer, answered, conversation, sent, failed.
 */
public record PastContact(ContactChannel channel, Instant at, String outcome) {
  public static final String CONVERSATION = "conversation";
  public static final String NOT_PLACED = "not_placed";
  public static final String RESERVED = "reserved";
}
