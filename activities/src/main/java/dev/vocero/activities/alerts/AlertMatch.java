package dev.vocero.activities.alerts;

import dev.vocero.store.alerts.AlertRuleRow;

/** A rule that fired: on a segment (or the whole audio when {@code segmentIdx} is null), with quoted evidence. */
public record AlertMatch(AlertRuleRow rule, Integer segmentIdx, long startMs, String evidence) {}
