package dev.vocero.domain.spreadsheets;

/**
 * Why a row was rejected.
 *
 * @param column the header of the offending column as written in the file
 * @param code stable code, one of the constants below
 */
public record RowIssue(int row, String column, String code, String message) {
  public static final String MISSING_PHONE = "missing_phone";
  public static final String INVALID_PHONE = "invalid_phone";
  public static final String DUPLICATE = "duplicate";
  public static final String UNKNOWN_TIME_ZONE = "unknown_time_zone";
  public static final String FORMULA_UNUSABLE = "formula_unusable";
  public static final String INVALID_AMOUNT = "invalid_amount";
  public static final String INVALID_DATE = "invalid_date";
}
