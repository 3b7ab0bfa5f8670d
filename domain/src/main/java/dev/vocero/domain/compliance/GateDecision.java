package dev.vocero.domain.compliance;

import java.time.Instant;

/**
 * The gate's answer: allow now, wait until {@code notBefore}, or block; {@code ruleId} is the rule that decided (for an
 * allow, the policy's window rule: every rule was checked and the window let it through).
 */
public record GateDecision(Verdict verdict, Instant notBefore, String ruleId, String reason) {

  public enum Verdict { ALLOW, WAIT, BLOCK }

  public static GateDecision allow(String ruleId) {
    return new GateDecision(Verdict.ALLOW, null, ruleId, "allowed");
  }

  public boolean allowed() {
    return verdict == Verdict.ALLOW;
  }
}
