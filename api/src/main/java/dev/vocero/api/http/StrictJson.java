package dev.vocero.api.http;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;

/**
 * The JSON the API takes is read as written: {@code 1.5} in a whole-number field is refused (Jackson would truncate it
 * to 1 and store a value nobody sent), and a number or boolean where text is expected is refused instead of being
 * turned into text. Both answer 422 with the field's name, like any other wrong type.
 */
public final class StrictJson {
  private StrictJson() {}

  public static ObjectMapper apply(ObjectMapper mapper) {
    mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    mapper.coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    return mapper;
  }
}
