package dev.vocero.workflows.calls;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BatchLimitsTest {

  @Test
  void givenARequestedPageSize_itShouldApplyTheDefaultAndTheCap() {
    assertEquals(BatchLimits.PAGE_SIZE, BatchLimits.pageSize(0));
    assertEquals(3, BatchLimits.pageSize(3));
    assertEquals(BatchLimits.MAX_PAGE_SIZE, BatchLimits.pageSize(Integer.MAX_VALUE));
  }

  @Test
  void givenAPaceChange_itShouldAcceptOnlyPacesAndCapsWithinBounds() {
    assertDoesNotThrow(() -> BatchLimits.checkPace(new PaceChange(100, null)));
    assertDoesNotThrow(() -> BatchLimits.checkPace(new PaceChange(0.01, 1000)));
    assertThrows(IllegalArgumentException.class, () -> BatchLimits.checkPace(null));
    assertThrows(IllegalArgumentException.class, () -> BatchLimits.checkPace(new PaceChange(0, null)));
    assertThrows(IllegalArgumentException.class, () -> BatchLimits.checkPace(new PaceChange(100.5, null)));
    assertThrows(IllegalArgumentException.class, () -> BatchLimits.checkPace(new PaceChange(Double.NaN, null)));
    assertThrows(IllegalArgumentException.class, () -> BatchLimits.checkPace(new PaceChange(1, 0)));
    assertThrows(IllegalArgumentException.class, () -> BatchLimits.checkPace(new PaceChange(1, 1001)));
  }
}
