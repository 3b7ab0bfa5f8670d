package dev.vocero.workflows.calls;

import static dev.vocero.workflows.calls.CallTestSupport.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class NextStepTest {
  private final BatchSettings settings = settings(1, 1, 3, Map.of("no_answer", 600L, "busy", 0L), 60);

  @Test
  void givenAHumanAnswerACancelOrTheLastAttempt_itShouldBeDone() {
    assertEquals(NextStep.DONE, NextStep.after(Disposition.ANSWERED_HUMAN, 1, settings, false));
    assertEquals(NextStep.DONE, NextStep.after(Disposition.NO_ANSWER, 1, settings, true));
    assertEquals(NextStep.DONE, NextStep.after(Disposition.NO_ANSWER, 3, settings, false));
  }

  @Test
  void givenABadOrFailedNumber_itShouldMoveToTheNextNumber() {
    assertEquals(NextStep.NEXT_NUMBER, NextStep.after(Disposition.INVALID_NUMBER, 1, settings, false));
    assertEquals(NextStep.NEXT_NUMBER, NextStep.after(Disposition.FAILED, 2, settings, false));
  }

  @Test
  void givenADispositionWithARetryDelay_itShouldRetryElseBeDone() {
    assertEquals(NextStep.RETRY, NextStep.after(Disposition.NO_ANSWER, 1, settings, false));
    assertEquals(NextStep.RETRY, NextStep.after(Disposition.BUSY, 2, settings, false), "a zero delay still retries");
    assertEquals(NextStep.DONE, NextStep.after(Disposition.ANSWERED_MACHINE, 1, settings, false), "no delay set");
    assertEquals("next_number", NextStep.NEXT_NUMBER.wire());
  }
}
