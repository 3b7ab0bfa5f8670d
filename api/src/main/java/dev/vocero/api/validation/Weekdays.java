package dev.vocero.api.validation;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.time.DayOfWeek;
import java.util.Locale;

/** A weekday as MON…SUN or MONDAY…SUNDAY, any case; anything else is a 422 {@code invalid_value} on its field. */
public final class Weekdays extends StdScalarDeserializer<DayOfWeek> {
  public Weekdays() {
    super(DayOfWeek.class);
  }

  @Override
  public DayOfWeek deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    String text = p.getValueAsString();
    DayOfWeek day = text == null ? null : parse(text.trim().toUpperCase(Locale.ROOT));
    if (day == null) {
      return (DayOfWeek) ctxt.handleWeirdStringValue(DayOfWeek.class, String.valueOf(text), "use MON…SUN");
    }
    return day;
  }

  static DayOfWeek parse(String day) {
    for (DayOfWeek d : DayOfWeek.values()) {
      if (d.name().equals(day) || d.name().startsWith(day) && day.length() == 3) {
        return d;
      }
    }
    return null;
  }
}
