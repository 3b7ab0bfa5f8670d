package dev.vocero.store.alerts;

import java.time.Instant;
import java.util.UUID;

/**
 * One alert rule. {@code kind} is keyword, regex or sentiment; {@code pattern} is the keyword or regular
 * expression (null for sentiment), {@code threshold} the sentiment score in [-1, 1] below which it fires.
 * Scope: {@code speaker} agent, customer or any; {@code firstMinutes}/{@code lastMinutes} (null = whole
 * call); {@code inQuestion} only segments that ask something.
 */
public record AlertRuleRow(
    UUID id,
    UUID orgId,
    String name,
    String kind,
    String pattern,
    Double threshold,
    String speaker,
    Integer firstMinutes,
    Integer lastMinutes,
    boolean inQuestion,
    String severity,
    boolean enabled,
    Instant createdAt,
    Instant updatedAt) {

  /** Longest pattern accepted, in characters: bounds the size of the compiled automaton. */
  public static final int MAX_PATTERN_CHARS = 500;
}
