package dev.vocero.api.calls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Which requests the filter serves itself; everything else goes on to Jersey unchanged. */
class TwilioStatusFilterTest {
  @Test
  void givenTheFormTypeWithoutACharsetOrWithUtf8_itShouldServeIt() {
    assertTrue(TwilioStatusFilter.utf8Form("application/x-www-form-urlencoded"));
    assertTrue(TwilioStatusFilter.utf8Form("Application/X-WWW-Form-Urlencoded; charset=UTF-8"));
    assertFalse(TwilioStatusFilter.utf8Form("application/x-www-form-urlencoded; charset=ISO-8859-1"));
    assertFalse(TwilioStatusFilter.utf8Form("application/json"));
    assertFalse(TwilioStatusFilter.utf8Form(null));
  }

  @Test
  void givenAQueryWithEscapesOrReservedCharacters_itShouldLeaveItToJersey() {
    assertTrue(TwilioStatusFilter.plain(null));
    assertTrue(TwilioStatusFilter.plain("attemptId=0b8a2f44-1d2c-4a5e-9f00-7d3c2b1a0e9f&x=y"));
    assertFalse(TwilioStatusFilter.plain("attemptId=%00"));
    assertFalse(TwilioStatusFilter.plain("a=b+c"));
    assertFalse(TwilioStatusFilter.plain("a=b;c"));
  }

  @Test
  void givenAQuery_itShouldReadTheFirstAttemptIdAsJerseyDoes() {
    UUID id = UUID.randomUUID();
    assertEquals(id, TwilioStatusFilter.attemptId("x=1&attemptId=" + id + "&attemptId=" + UUID.randomUUID()));
    assertNull(TwilioStatusFilter.attemptId("attemptId=nope"));
    assertNull(TwilioStatusFilter.attemptId("attemptId"));
    assertNull(TwilioStatusFilter.attemptId("attemptid=" + id));
    assertNull(TwilioStatusFilter.attemptId(null));
  }
}
