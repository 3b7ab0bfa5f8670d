package dev.vocero.store.alerts;

import java.util.UUID;

/** An alert about to be raised; {@code evidence} is the quoted transcript excerpt, already capped. */
public record NewAlert(UUID id, UUID ruleId, Integer segmentIdx, long startMs, String evidence, String severity) {
  /** Longest evidence kept, in characters. */
  public static final int MAX_EVIDENCE_CHARS = 300;
}
