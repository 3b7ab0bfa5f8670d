package dev.vocero.domain.telephony;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TwilioStatusesTest {

  @ParameterizedTest(name = "{0} AnsweredBy={1} Sip={2} -> {3}")
  @CsvSource(nullValues = "null", value = {
      "completed, human,               null, ANSWERED_HUMAN",
      "completed, unknown,             null, ANSWERED_HUMAN",
      "completed, null,                200,  ANSWERED_HUMAN",
      "completed, machine_start,       null, ANSWERED_MACHINE",
      "completed, machine_end_beep,    200,  ANSWERED_MACHINE",
      "completed, machine_end_silence, null, ANSWERED_MACHINE",
      "completed, machine_end_other,   null, ANSWERED_MACHINE",
      "completed, fax,                 null, ANSWERED_MACHINE",
      "busy,      null,                486,  BUSY",
      "no-answer, null,                487,  NO_ANSWER",
      "canceled,  null,                null, CANCELED",
      "failed,    null,                null, FAILED",
      "failed,    null,                503,  FAILED",
      "failed,    null,                404,  INVALID_NUMBER",
      "failed,    null,                484,  INVALID_NUMBER",
      "failed,    null,                604,  INVALID_NUMBER",
      "Completed, Machine_End_Beep,    null, ANSWERED_MACHINE"})
  void givenATerminalCallback_whenMapping_itShouldGiveTheDisposition(String status, String answeredBy, String sip,
                                                                     ProviderDisposition expected) {
    assertTrue(TwilioStatuses.terminal(status));
    assertEquals(expected, TwilioStatuses.disposition(status, answeredBy, sip));
  }

  @ParameterizedTest
  @ValueSource(ints = {13224, 21211, 21217})
  void givenAFailedCallWithAnInvalidNumberErrorCode_whenMapping_itShouldBeInvalidNumber(int errorCode) {
    assertEquals(ProviderDisposition.INVALID_NUMBER, TwilioStatuses.disposition("failed", null, null, errorCode));
  }

  @Test
  void givenAnotherErrorCode_whenMapping_itShouldStayFailed() {
    assertEquals(ProviderDisposition.FAILED, TwilioStatuses.disposition("failed", null, "500", 31005));
  }

  @ParameterizedTest
  @ValueSource(strings = {"queued", "initiated", "ringing", "in-progress", "answered-somewhere"})
  void givenANonTerminalOrUnknownStatus_whenMapping_itShouldHaveNoDisposition(String status) {
    assertFalse(TwilioStatuses.terminal(status));
    assertNull(TwilioStatuses.disposition(status, "human", null));
  }

  @Test
  void givenNull_whenAskingTerminal_itShouldBeFalse() {
    assertFalse(TwilioStatuses.terminal(null));
    assertNull(TwilioStatuses.disposition(null, null, null));
  }
}
