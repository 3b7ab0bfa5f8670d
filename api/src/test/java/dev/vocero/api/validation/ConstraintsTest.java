package dev.vocero.api.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vocero.api.errors.ApiError;
import dev.vocero.api.errors.Violations;
import io.dropwizard.jersey.validation.Validators;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConstraintsTest {
  static final Validator VALIDATOR = Validators.newValidator();

  @WindowOrder
  @DateOrder
  record Sample(@TimeZoneId String zone, @E164 String phone, @SaneDate LocalDate startDate, LocalDate endDate,
      LocalTime windowStart, LocalTime windowEnd, Map<@OneOf({"sms", "whatsapp"}) String, Integer> quotas,
      List<@NoNul String> notes) implements WindowOrder.Window, DateOrder.Span {}

  static Sample valid() {
    return new Sample("America/Bogota", "+573001234567", LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 2),
        LocalTime.of(9, 0), LocalTime.of(18, 0), Map.of("sms", 1), List.of("ok"));
  }

  static List<ApiError.Detail> details(Sample sample) {
    return Violations.unprocessable(VALIDATOR.validate(sample), Sample.class).details();
  }

  @Test
  void givenValidValues_itShouldReportNothing() {
    assertEquals(List.of(), details(valid()));
    assertEquals(List.of(), details(new Sample("UTC", null, null, null, null, null, null, null)));
  }

  @Test
  void givenEachBrokenRule_itShouldNameTheFieldWithItsStableCode() {
    assertEquals(List.of(new ApiError.Detail("zone", "time_zone", "must be an IANA time zone such as America/Bogota")),
        details(new Sample("Mars/Olympus", null, null, null, null, null, null, null)));
    assertEquals("time_zone", details(new Sample("+05:00", null, null, null, null, null, null, null)).get(0).code());
    assertEquals("e164", details(new Sample(null, "3001234567", null, null, null, null, null, null)).get(0).code());
    assertEquals("e164", details(new Sample(null, "+0123", null, null, null, null, null, null)).get(0).code());
    assertEquals("date_range", details(new Sample(null, null, LocalDate.of(1999, 12, 31), null, null, null, null,
        null)).get(0).code());
    assertEquals(new ApiError.Detail("endDate", "date_order", "must be on or after startDate"),
        details(new Sample(null, null, LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 1), null, null, null, null))
            .get(0));
    assertEquals("windowEnd", details(new Sample(null, null, null, null, LocalTime.of(9, 0), LocalTime.of(9, 0),
        null, null)).get(0).field());
    assertEquals(new ApiError.Detail("quotas.fax", "invalid_value", "must be one of [sms, whatsapp]"),
        details(new Sample(null, null, null, null, null, null, Map.of("fax", 1), null)).get(0));
    assertEquals(new ApiError.Detail("notes[1]", "nul_character", "must not contain NUL characters"),
        details(new Sample(null, null, null, null, null, null, null, List.of("ok", "a\u0000b"))).get(0));
  }

  @Test
  void givenARequestTypeWithoutErrorCode_itShouldUseInvalidRequest() {
    assertEquals("invalid_request", Violations.unprocessable(VALIDATOR.validate(valid()), Sample.class).code());
    assertEquals(422, Violations.unprocessable(VALIDATOR.validate(valid()), Sample.class).status());
  }
}
