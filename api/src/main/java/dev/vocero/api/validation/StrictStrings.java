package dev.vocero.api.validation;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;

/**
 * Every string in a JSON body is refused when it holds a NUL character (PostgreSQL cannot store one): the client
 * gets 422 {@code nul_character} naming the field instead of a database error.
 */
public final class StrictStrings {
  private StrictStrings() {}

  public static SimpleModule module() {
    return new SimpleModule("vocero-strict-strings").addDeserializer(String.class, new NoNulDeserializer());
  }

  static final class NoNulDeserializer extends StringDeserializer {
    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      String value = super.deserialize(p, ctxt);
      if (value != null && value.indexOf('\u0000') >= 0) {
        return (String) ctxt.handleWeirdStringValue(String.class, value, "must not contain NUL characters");
      }
      return value;
    }
  }
}
