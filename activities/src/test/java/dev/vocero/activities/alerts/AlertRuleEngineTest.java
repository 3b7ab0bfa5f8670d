package dev.vocero.activities.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vocero.domain.alerts.SafeRegex;
import dev.vocero.store.alerts.AlertRuleRow;
import dev.vocero.store.alerts.NewAlert;
import dev.vocero.store.audio.SegmentRow;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AlertRuleEngineTest {
  private final AlertRuleEngine engine = new AlertRuleEngine();

  /** A 10-minute call: agent opens, customer answers, a question in the middle, a threat at the end. */
  private static final List<SegmentRow> CALL = List.of(
      segment(0, 0, 20_000, "Agente", "Buenos días, le llamo de Cobranzas Andinas por su CRÉDITO."),
      segment(1, 20_000, 60_000, "Cliente", "No puedo pagar este mes, el credito me tiene ahogado."),
      segment(2, 250_000, 280_000, "agent", "¿Podría pagar la mitad el viernes?"),
      segment(3, 300_000, 330_000, "customer", "Acreditado no, pero ¿me mandan el número de cuenta?"),
      segment(4, 560_000, 600_000, "Cliente", "Si me vuelven a llamar hablo con un ABOGADO."));

  private static SegmentRow segment(int idx, long start, long end, String speaker, String text) {
    return new SegmentRow(idx, start, end, speaker, text, null);
  }

  private static AlertRuleRow rule(String kind, String pattern, Double threshold, String speaker, Integer first,
      Integer last, boolean inQuestion) {
    return new AlertRuleRow(UUID.randomUUID(), UUID.randomUUID(), kind + " rule", kind, pattern, threshold, speaker,
        first, last, inQuestion, "high", true, null, null);
  }

  private static AlertRuleRow keyword(String pattern) {
    return rule("keyword", pattern, null, "any", null, null, false);
  }

  private List<Integer> segmentsHit(AlertRuleRow rule) {
    return engine.evaluate(List.of(rule), CALL, 600_000L, Optional.empty()).stream()
        .map(AlertMatch::segmentIdx).toList();
  }

  @Test
  void givenAKeyword_itShouldMatchWholeWordsIgnoringCaseAndAccents() {
    // "crédito" matches "CRÉDITO" and "credito" but not "Acreditado"
    assertEquals(List.of(0, 1), segmentsHit(keyword("crédito")));
    assertEquals(List.of(4), segmentsHit(keyword("abogado")));
    assertEquals(List.of(1), segmentsHit(keyword("no puedo  pagar")));
  }

  @Test
  void givenAMatch_itShouldQuoteTheSegmentAsEvidence() {
    AlertMatch match = engine.evaluate(List.of(keyword("abogado")), CALL, 600_000L, Optional.empty()).get(0);
    assertEquals("Si me vuelven a llamar hablo con un ABOGADO.", match.evidence());
    assertEquals(560_000, match.startMs());
  }

  @Test
  void givenALongSegment_itShouldCapTheEvidenceAroundTheMatch() {
    String text = "bla ".repeat(200) + "abogado" + " bla".repeat(200);
    List<AlertMatch> found = engine.evaluate(List.of(keyword("abogado")), List.of(segment(0, 0, 1000, null, text)),
        1000L, Optional.empty());
    String evidence = found.get(0).evidence();
    assertTrue(evidence.length() <= NewAlert.MAX_EVIDENCE_CHARS, evidence);
    assertTrue(evidence.contains("abogado") && evidence.startsWith("…") && evidence.endsWith("…"), evidence);
  }

  @Test
  void givenARegex_itShouldMatchCaseInsensitively() {
    assertEquals(List.of(1, 2, 3), segmentsHit(rule("regex", "(pagar|n[uú]mero de cuenta)", null, "any", null, null, false)));
    assertEquals(List.of(1, 2), segmentsHit(rule("regex", "\\bPAGAR\\b", null, "any", null, null, false)));
  }

  @Test
  void givenASpeakerScope_itShouldOnlyLookAtThatSide() {
    assertEquals(List.of(2), segmentsHit(rule("keyword", "pagar", null, "agent", null, null, false)));
    assertEquals(List.of(1), segmentsHit(rule("keyword", "pagar", null, "customer", null, null, false)));
    assertEquals(List.of(1, 2), segmentsHit(rule("keyword", "pagar", null, "any", null, null, false)));
  }

  @Test
  void givenASegmentWithoutSpeaker_itShouldOnlyMatchRulesForAnySpeaker() {
    List<SegmentRow> unlabelled = List.of(segment(0, 0, 1000, null, "quiero un abogado"));
    assertEquals(1, engine.evaluate(List.of(keyword("abogado")), unlabelled, 1000L, Optional.empty()).size());
    assertEquals(0, engine.evaluate(List.of(rule("keyword", "abogado", null, "customer", null, null, false)),
        unlabelled, 1000L, Optional.empty()).size());
  }

  @Test
  void givenFirstOrLastMinutes_itShouldOnlyLookAtThatPartOfTheCall() {
    assertEquals(List.of(1), segmentsHit(rule("keyword", "pagar", null, "any", 1, null, false)));
    assertEquals(List.of(2), segmentsHit(rule("keyword", "pagar", null, "any", null, 6, false)));
    assertEquals(List.of(4), segmentsHit(rule("keyword", "llamar", null, "any", null, 1, false)));
    assertEquals(List.of(), segmentsHit(rule("keyword", "abogado", null, "any", 5, null, false)));
  }

  @Test
  void givenInQuestion_itShouldOnlyLookAtSegmentsThatAsk() {
    assertEquals(List.of(2), segmentsHit(rule("keyword", "pagar", null, "any", null, null, true)));
    assertEquals(List.of(3), segmentsHit(rule("keyword", "cuenta", null, "customer", null, null, true)));
  }

  @Test
  void givenASentimentRule_itShouldFireOnlyBelowTheThreshold() {
    AlertRuleRow unhappy = rule("sentiment", null, -0.3, "any", null, null, false);

    List<AlertMatch> fired = engine.evaluate(List.of(unhappy), CALL, 600_000L, Optional.of(-0.62));
    assertEquals(1, fired.size());
    assertEquals(null, fired.get(0).segmentIdx());
    assertEquals("sentiment score -0.62 is below the threshold -0.30", fired.get(0).evidence());
    assertEquals(0, engine.evaluate(List.of(unhappy), CALL, 600_000L, Optional.of(-0.3)).size());
    assertEquals(0, engine.evaluate(List.of(unhappy), CALL, 600_000L, Optional.of(0.8)).size());
    assertEquals(0, engine.evaluate(List.of(unhappy), CALL, 600_000L, Optional.empty()).size());
  }

  @Test
  void givenACatastrophicBacktrackingPattern_onA100kInput_itShouldStillFinish() {
    // (a+)+$ against "aaaa…a!" takes exponential time in a backtracking engine; RE2/J is linear.
    String input = "a".repeat(AlertRuleEngine.MAX_INPUT_CHARS - 1) + "!";
    AlertRuleRow evil = rule("regex", "(a+)+$", null, "any", null, null, false);

    List<AlertMatch> found = assertTimeoutPreemptively(Duration.ofSeconds(5), () ->
        engine.evaluate(List.of(evil), List.of(segment(0, 0, 1000, null, input)), 1000L, Optional.empty()));

    assertEquals(0, found.size());
  }

  @Test
  void givenAnInvalidStoredRule_itShouldSkipItAndEvaluateTheOthers() {
    AlertRuleRow broken = rule("regex", "(?<!no )pagar", null, "any", null, null, false);
    assertEquals(List.of(4), engine.evaluate(List.of(broken, keyword("abogado")), CALL, 600_000L, Optional.empty())
        .stream().map(AlertMatch::segmentIdx).toList());
  }

  @Test
  void givenManyMatches_itShouldRaiseAtMostTheCap() {
    List<SegmentRow> many = new java.util.ArrayList<>();
    for (int i = 0; i < 150; i++) {
      many.add(segment(i, i * 1000L, i * 1000L + 900, null, "abogado"));
    }
    assertEquals(AlertRuleEngine.MAX_ALERTS,
        engine.evaluate(List.of(keyword("abogado")), many, 150_000L, Optional.empty()).size());
  }

  @Test
  void givenTheStoredColumnAndTheEngine_thePatternLimitShouldBeTheSame() {
    assertEquals(AlertRuleRow.MAX_PATTERN_CHARS, SafeRegex.MAX_PATTERN_CHARS);
  }
}
