package dev.vocero.domain.spreadsheets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.apache.poi.ss.usermodel.DateUtil;
import org.junit.jupiter.api.Test;

class ExcelSerialTest {

  @Test
  void givenSerialsAcrossTheCalendar_itShouldAgreeWithPoiToTheMinute() {
    double[] serials = {1, 59, 61, 367.25, 25569, 45366, 45366.5, 45366.999, 2958465};
    for (double serial : serials) {
      for (boolean date1904 : new boolean[] {false, true}) {
        assertEquals(DateUtil.getLocalDateTime(serial, date1904, true).truncatedTo(ChronoUnit.MINUTES),
            ExcelSerial.toDateTime(serial, date1904).truncatedTo(ChronoUnit.MINUTES), serial + " 1904=" + date1904);
      }
    }
  }

  @Test
  void givenPlainNumbersInADueDateColumn_itShouldReadOnlyPlausibleDates() {
    assertEquals(LocalDate.of(2024, 3, 15), ExcelSerial.toDueDate(new BigDecimal("45366")));
    assertNull(ExcelSerial.toDueDate(new BigDecimal("3001234567")));
    assertNull(ExcelSerial.toDueDate(new BigDecimal("150")));
  }
}
