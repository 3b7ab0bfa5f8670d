package dev.vocero.domain.spreadsheets;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** Excel date serials: days since 1899-12-30 (or since 1904-01-01 in old Mac workbooks), time as the fraction. */
final class ExcelSerial {
  private static final LocalDate EPOCH_1900 = LocalDate.of(1899, 12, 30);
  private static final LocalDate EPOCH_1904 = LocalDate.of(1904, 1, 1);
  // Excel counts a 29 February 1900 that never existed; serials before 1 March 1900 are one day off.
  private static final int FIRST_CORRECT_1900_SERIAL = 61;
  // As due dates, plain numbers count only between 1950-01-01 and 2099-12-31; anything else is not a date.
  private static final int FIRST_DUE_DATE = 18_264;
  private static final int LAST_DUE_DATE = 73_050;
  private static final long SECONDS_PER_DAY = 24 * 60 * 60;

  private ExcelSerial() {
  }

  /** The date and time of a serial of at least 1, rounded to the second then cut to the minute, as POI does. */
  static LocalDateTime toDateTime(double serial, boolean date1904) {
    long days = (long) Math.floor(serial);
    long minutes = Math.round((serial - days) * SECONDS_PER_DAY) / 60;
    LocalDate day = date1904 ? EPOCH_1904.plusDays(days)
        : EPOCH_1900.plusDays(days < FIRST_CORRECT_1900_SERIAL ? days + 1 : days);
    return day.atStartOfDay().plusMinutes(minutes);
  }

  /** A plain number in a due-date column is a date that lost its format (45366 is 2024-03-15), if plausible. */
  static LocalDate toDueDate(BigDecimal serial) {
    double value = serial.doubleValue();
    if (value < FIRST_DUE_DATE || value > LAST_DUE_DATE) {
      return null;
    }
    return toDateTime(value, false).toLocalDate();
  }
}
