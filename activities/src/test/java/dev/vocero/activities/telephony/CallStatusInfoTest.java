package dev.vocero.activities.telephony;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.vocero.domain.telephony.ProviderDisposition;
import dev.vocero.workflows.calls.Disposition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CallStatusInfoTest {

  @ParameterizedTest
  @EnumSource(ProviderDisposition.class)
  void givenEveryProviderEnding_whenConverting_itShouldNameTheSameDisposition(ProviderDisposition ending) {
    assertEquals(ending.name(), CallStatusInfo.disposition(ending).name());
  }

  @Test
  void givenNoEnding_whenConverting_itShouldStayNull() {
    assertNull(CallStatusInfo.disposition(null));
  }

  @Test
  void givenTwilioSaysBusy_whenConverting_itShouldBeTheWorkflowsBusy() {
    assertEquals(Disposition.BUSY, CallStatusInfo.disposition(ProviderDisposition.BUSY));
  }
}
